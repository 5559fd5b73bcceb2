#include "SecretScanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace keyturn::test {

namespace {

// Shorter fragments could match by chance in unrelated data; longer ones would miss a truncated
// secret in a log line.
constexpr qsizetype kMinNeedle = 16;

} // namespace

void SecretScanner::addSecret(const QString &kind, const QString &secret)
{
    const QByteArray value = secret.toUtf8();
    if (value.size() < kMinNeedle)
        return;
    QList<QByteArray> needles{ value };
    // Each dot-separated part on its own: a JWT's payload and signature, the random part of
    // "1.demo-code.<random>". A JWT header ("eyJ...") is the same for every token: not a secret.
    const QList<QByteArray> segments = value.split('.');
    for (qsizetype i = 0; segments.size() > 1 && i < segments.size(); ++i) {
        if (!(i == 0 && segments.size() == 3 && segments.at(0).startsWith("eyJ")))
            needles.append(segments.at(i));
    }
    for (const QByteArray &needle : needles) {
        if (needle.size() < kMinNeedle)
            continue;
        const bool known = std::any_of(
            m_needles.cbegin(), m_needles.cend(), [&needle](const Needle &n) { return n.bytes == needle; });
        if (!known)
            m_needles.append({ kind, needle });
    }
}

void SecretScanner::scanText(const QString &name, const QByteArray &text)
{
    for (const Needle &needle : m_needles) {
        const qsizetype at = text.indexOf(needle.bytes);
        if (at < 0)
            continue;
        // The line around the hit says who wrote it; the secret itself is masked in the report.
        const qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
        qsizetype lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0)
            lineEnd = text.size();
        QByteArray line = text.mid(lineStart, std::min<qsizetype>(lineEnd - lineStart, 400));
        line.replace(needle.bytes, "<secret>");
        m_hits.append({ name, needle.kind, QString::fromUtf8(needle.bytes.left(12)) + QStringLiteral("..."),
            QString::fromUtf8(line) });
    }
}

void SecretScanner::scanFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_scannedFiles.append(path);
    scanText(path, file.read(m_maxBytes));
}

void SecretScanner::scanTree(const QString &root, const std::function<bool(const QString &dir)> &skipDir)
{
    const QFileInfo rootInfo(root);
    if (rootInfo.isFile()) {
        scanFile(root);
        return;
    }
    if (!rootInfo.isDir() || (skipDir && skipDir(rootInfo.absoluteFilePath())))
        return;
    const QDir dir(root);
    const QFileInfoList entries
        = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.isSymLink())
            continue;
        if (entry.isDir())
            scanTree(entry.absoluteFilePath(), skipDir);
        else if (entry.isFile())
            scanFile(entry.absoluteFilePath());
    }
}

QString SecretScanner::report() const
{
    QStringList lines;
    for (const SecretHit &hit : m_hits)
        lines.append(
            QStringLiteral("%1 (%2) in %3: %4").arg(hit.secretKind, hit.fragment, hit.where, hit.context));
    return lines.join(QLatin1Char('\n'));
}

} // namespace keyturn::test
