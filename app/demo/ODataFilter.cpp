#include "demo/ODataFilter.h"

#include <QByteArray>
#include <QDateTime>
#include <QLatin1String>
#include <QList>
#include <QSet>

#include <vector>

namespace keyturn::demo {

struct ODataFilter::Node {
    enum class Kind { And, Or, Equals, Contains, Before, NotBefore, Unsupported } kind = Kind::Unsupported;
    /// The device field compared, resolved from `property` as it is parsed.
    enum class Field { Other, OperatingSystem, OwnerType, ComplianceState, SerialNumber, Enrolled, LastSync };
    QString property; ///< lowercase canonical
    Field field = Field::Other;
    QByteArray value;
    qint64 secs = 0; ///< Before / NotBefore: the bound in seconds since the epoch
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

using Node = ODataFilter::Node;

struct Token {
    enum class Type { Identifier, String, Number, LParen, RParen, Comma, End } type = Type::End;
    QString text;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'/' || c == u'-';
}

qint64 floorSeconds(qint64 ms)
{
    return ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
}

/// A DateTimeOffset literal in UTC (2024-05-01T00:00:00Z, fractions allowed), in whole seconds.
std::optional<qint64> parseUtcSeconds(const QString &text)
{
    if (!text.endsWith(u'Z'))
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return floorSeconds(time.toMSecsSinceEpoch());
}

bool tokenize(const QString &text, QList<Token> *tokens, QString *error)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(') {
            tokens->append({ Token::Type::LParen, QStringLiteral("(") });
            ++i;
        } else if (c == u')') {
            tokens->append({ Token::Type::RParen, QStringLiteral(")") });
            ++i;
        } else if (c == u',') {
            tokens->append({ Token::Type::Comma, QStringLiteral(",") });
            ++i;
        } else if (c == u'\'') {
            QString value;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == u'\'') {
                    if (i + 1 < text.size() && text[i + 1] == u'\'') {
                        value.append(u'\'');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                value.append(text[i++]);
            }
            if (!closed) {
                *error = QStringLiteral("Invalid filter clause: unterminated string literal.");
                return false;
            }
            tokens->append({ Token::Type::String, value });
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < text.size() && (isWordChar(text[i]) || text[i] == u':'))
                ++i;
            const QString word = text.mid(start, i - start);
            tokens->append(
                { word[0].isDigit() || word[0] == u'-' ? Token::Type::Number : Token::Type::Identifier,
                    word });
        } else {
            *error = QStringLiteral("Invalid filter clause: syntax error at position %1 in '%2'.")
                         .arg(i)
                         .arg(text);
            return false;
        }
    }
    tokens->append({ Token::Type::End, {} });
    return true;
}

/// The device field a (lowercase) property name compares, resolved once so matching allocates nothing.
Node::Field fieldNamed(const QString &property)
{
    if (property == u"operatingsystem")
        return Node::Field::OperatingSystem;
    if (property == u"manageddeviceownertype" || property == u"ownertype")
        return Node::Field::OwnerType;
    if (property == u"compliancestate")
        return Node::Field::ComplianceState;
    if (property == u"serialnumber")
        return Node::Field::SerialNumber;
    if (property == u"enrolleddatetime")
        return Node::Field::Enrolled;
    if (property == u"lastsyncdatetime")
        return Node::Field::LastSync;
    return Node::Field::Other;
}

/// The fields `eq` compares as text.
bool isTextField(Node::Field field)
{
    return field == Node::Field::OperatingSystem || field == Node::Field::OwnerType
        || field == Node::Field::ComplianceState || field == Node::Field::SerialNumber;
}

class Parser {
public:
    Parser(QList<Token> tokens, QString *error, ODataFilter::Dialect dialect)
        : m_tokens(std::move(tokens))
        , m_error(error)
        , m_dialect(dialect)
    { }

    std::unique_ptr<Node> parseAll()
    {
        auto node = parseOr();
        if (node && peek().type != Token::Type::End)
            return fail(QStringLiteral("Invalid filter clause: unexpected '%1'.").arg(peek().text));
        return node;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    Token take() { return m_tokens[m_pos++]; }
    bool isKeyword(const char *word) const
    {
        return peek().type == Token::Type::Identifier
            && peek().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }
    std::unique_ptr<Node> fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
        return nullptr;
    }

    std::unique_ptr<Node> parseBinary(
        Node::Kind kind, const char *keyword, std::unique_ptr<Node> (Parser::*operand)())
    {
        auto left = (this->*operand)();
        if (!left)
            return nullptr;
        if (!isKeyword(keyword))
            return left;
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->children.push_back(std::move(left));
        while (isKeyword(keyword)) {
            take();
            auto right = (this->*operand)();
            if (!right)
                return nullptr;
            node->children.push_back(std::move(right));
        }
        return node;
    }
    std::unique_ptr<Node> parseOr() { return parseBinary(Node::Kind::Or, "or", &Parser::parseAnd); }
    std::unique_ptr<Node> parseAnd() { return parseBinary(Node::Kind::And, "and", &Parser::parsePrimary); }

    std::unique_ptr<Node> parsePrimary()
    {
        if (peek().type == Token::Type::LParen) {
            take();
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (take().type != Token::Type::RParen)
                return fail(QStringLiteral("Invalid filter clause: ')' expected."));
            return inner;
        }
        if (isKeyword("not")) {
            take();
            auto inner = parsePrimary();
            if (!inner)
                return nullptr;
            auto node = std::make_unique<Node>(); // negation is not supported by Intune's list: ignored
            return node;
        }
        if (peek().type != Token::Type::Identifier)
            return fail(QStringLiteral("Invalid filter clause: property or function expected, found '%1'.")
                            .arg(peek().text));
        const QString name = take().text;
        if (peek().type == Token::Type::LParen) {
            take();
            if (peek().type != Token::Type::Identifier)
                return fail(QStringLiteral("Invalid filter clause: property expected in %1().").arg(name));
            const QString property = take().text;
            if (take().type != Token::Type::Comma)
                return fail(QStringLiteral("Invalid filter clause: ',' expected in %1().").arg(name));
            const Token literal = take();
            if (literal.type != Token::Type::String && literal.type != Token::Type::Number)
                return fail(QStringLiteral("Invalid filter clause: literal expected in %1().").arg(name));
            if (take().type != Token::Type::RParen)
                return fail(QStringLiteral("Invalid filter clause: ')' expected after %1(.").arg(name));
            auto node = std::make_unique<Node>();
            node->property = property.toLower();
            const QString fn = name.toLower();
            if ((fn == u"contains" || fn == u"startswith") && node->property == u"devicename") {
                node->kind = Node::Kind::Contains;
                node->value = literal.text.toUtf8();
            }
            return node;
        }
        if (peek().type != Token::Type::Identifier)
            return fail(QStringLiteral("Invalid filter clause: operator expected after '%1'.").arg(name));
        const QString op = take().text.toLower();
        static const QSet<QString> operators{ QStringLiteral("eq"), QStringLiteral("ne"),
            QStringLiteral("gt"), QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le") };
        if (!operators.contains(op))
            return fail(QStringLiteral("Invalid filter clause: unknown operator '%1'.").arg(op));
        const Token literal = take();
        if (literal.type == Token::Type::End || literal.type == Token::Type::LParen
            || literal.type == Token::Type::RParen || literal.type == Token::Type::Comma)
            return fail(QStringLiteral("Invalid filter clause: value expected after '%1 %2'.").arg(name, op));
        auto node = std::make_unique<Node>();
        node->property = name.toLower();
        node->field = fieldNamed(node->property);
        if (node->field == Node::Field::OwnerType)
            node->property = QStringLiteral("manageddeviceownertype"); // ownerType is its other name
        if (op == u"eq" && literal.type == Token::Type::String && isTextField(node->field)) {
            node->kind = Node::Kind::Equals;
            node->value = literal.text.toUtf8();
        } else {
            readDateComparison(node.get(), op, literal);
        }
        return node;
    }

    /// ge/gt/lt/le on a date property: Before (lt, le) or NotBefore (ge, gt) a bound in seconds.
    void readDateComparison(Node *node, const QString &op, const Token &literal) const
    {
        const bool isDate = node->field == Node::Field::Enrolled || node->field == Node::Field::LastSync;
        if (!m_dialect.honourDateRanges || !isDate || literal.type != Token::Type::Number)
            return;
        const std::optional<qint64> secs = parseUtcSeconds(literal.text);
        if (!secs)
            return;
        if (op == u"ge" || op == u"lt") {
            node->kind = op == u"ge" ? Node::Kind::NotBefore : Node::Kind::Before;
            node->secs = *secs;
        } else if (op == u"gt" || op == u"le") {
            // Whole seconds: `gt t` is `ge t+1`, `le t` is `lt t+1`.
            node->kind = op == u"gt" ? Node::Kind::NotBefore : Node::Kind::Before;
            node->secs = *secs + 1;
        }
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    QString *m_error;
    ODataFilter::Dialect m_dialect;
};

bool hasUnsupported(const Node &node)
{
    if (node.kind == Node::Kind::Unsupported)
        return true;
    for (const auto &child : node.children) {
        if (hasUnsupported(*child))
            return true;
    }
    return false;
}

void collectProperties(const Node &node, QSet<QString> *properties)
{
    if (!node.property.isEmpty())
        properties->insert(node.property);
    for (const auto &child : node.children)
        collectProperties(*child, properties);
}

bool hasOrAcrossProperties(const Node &node)
{
    if (node.kind == Node::Kind::Or) {
        QSet<QString> properties;
        collectProperties(node, &properties);
        if (properties.size() > 1)
            return true;
    }
    for (const auto &child : node.children) {
        if (hasOrAcrossProperties(*child))
            return true;
    }
    return false;
}

/// The compared text, NUL-terminated (every field is ASCII).
const char *fieldText(const DeviceRecord &d, Node::Field field)
{
    switch (field) {
    case Node::Field::OperatingSystem:
        return d.operatingSystem;
    case Node::Field::OwnerType:
        return d.ownerType();
    case Node::Field::ComplianceState:
        return d.complianceState;
    case Node::Field::SerialNumber:
        return d.serialNumber.constData();
    default:
        return "";
    }
}

qint64 dateSeconds(const DeviceRecord &d, Node::Field field)
{
    return floorSeconds(field == Node::Field::Enrolled ? d.enrolledMs : d.lastSyncMs);
}

bool evaluate(const Node &node, const DeviceRecord &d)
{
    switch (node.kind) {
    case Node::Kind::And:
        for (const auto &child : node.children) {
            if (!evaluate(*child, d))
                return false;
        }
        return true;
    case Node::Kind::Or:
        for (const auto &child : node.children) {
            if (evaluate(*child, d))
                return true;
        }
        return false;
    case Node::Kind::Equals:
        return qstricmp(fieldText(d, node.field), node.value.constData()) == 0;
    case Node::Kind::Contains:
        return QLatin1String(d.deviceName).contains(QLatin1String(node.value), Qt::CaseInsensitive);
    case Node::Kind::Before:
        return dateSeconds(d, node.field) < node.secs;
    case Node::Kind::NotBefore:
        return dateSeconds(d, node.field) >= node.secs;
    case Node::Kind::Unsupported:
        return true;
    }
    return true;
}

} // namespace

ODataFilter::ODataFilter() = default;
ODataFilter::~ODataFilter() = default;
ODataFilter::ODataFilter(ODataFilter &&) noexcept = default;
ODataFilter &ODataFilter::operator=(ODataFilter &&) noexcept = default;

std::optional<ODataFilter> ODataFilter::parse(const QString &text, QString *error, Dialect dialect)
{
    ODataFilter filter;
    if (text.trimmed().isEmpty())
        return filter;
    QList<Token> tokens;
    if (!tokenize(text, &tokens, error))
        return std::nullopt;
    Parser parser(std::move(tokens), error, dialect);
    auto root = parser.parseAll();
    if (!root)
        return std::nullopt;
    if (!hasUnsupported(*root) && !hasOrAcrossProperties(*root))
        filter.m_root = std::move(root);
    return filter;
}

bool ODataFilter::matches(const DeviceRecord &device) const
{
    return !m_root || evaluate(*m_root, device);
}

std::optional<QByteArray> ODataFilter::requiredOperatingSystem() const
{
    const auto isSystem = [](const Node &node) {
        return node.kind == Node::Kind::Equals && node.field == Node::Field::OperatingSystem;
    };
    if (!m_root)
        return std::nullopt;
    if (isSystem(*m_root))
        return m_root->value;
    if (m_root->kind == Node::Kind::And) {
        for (const auto &child : m_root->children) {
            if (isSystem(*child))
                return child->value;
        }
    }
    return std::nullopt;
}

} // namespace keyturn::demo
