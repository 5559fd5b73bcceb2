// The .ts files against the sources: lupdate reads the sources into a copy of each file at test time,
// and every string must be there and translated (German: all of them; English: the plural forms),
// with no string the sources no longer use; German keeps every placeholder and accelerator.
#include "ScreenTexts.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using keyturn::test::readTsFile;
using keyturn::test::TsMessage;

namespace {

const QString kTranslations = QStringLiteral(KEYTURN_TRANSLATIONS_DIR);

QString describe(const TsMessage &message)
{
    return QStringLiteral("[%1] %2").arg(message.context, message.source);
}

QSet<QString> keys(const QList<TsMessage> &messages)
{
    QSet<QString> set;
    for (const TsMessage &message : messages)
        set.insert(describe(message));
    return set;
}

/// Runs lupdate over Keyturn's translated sources into a copy of tsName; the copy's messages.
QList<TsMessage> lupdateCopy(const QTemporaryDir &dir, const QString &tsName, const QStringList &options)
{
    const QString copy = dir.filePath(tsName);
    if (!QFile::copy(kTranslations + u'/' + tsName, copy)) {
        ADD_FAILURE() << "cannot copy " << tsName.toStdString();
        return {};
    }
    QStringList arguments{ QStringLiteral("@" KEYTURN_TRANSLATED_SOURCES) };
    for (const QString &include : QStringLiteral(KEYTURN_LUPDATE_INCLUDES).split(u','))
        arguments << QStringLiteral("-I") << include;
    arguments << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-no-obsolete")
              << options << QStringLiteral("-ts") << copy;
    const keyturn::test::ProcessResult run
        = keyturn::test::runProcess(QStringLiteral(KEYTURN_LUPDATE), arguments, std::chrono::seconds(120));
    EXPECT_EQ(run.exitCode, 0) << run.standardError.toStdString();
    QString error;
    const QList<TsMessage> messages = readTsFile(copy, &error);
    EXPECT_FALSE(messages.isEmpty()) << error.toStdString();
    return messages;
}

/// Fails naming the sources' strings tsName lacks or leaves unfinished, and the strings it holds
/// that the sources no longer use.
void expectInStepWithTheSources(const QString &tsName, const QStringList &options)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    const QList<TsMessage> committed = readTsFile(kTranslations + u'/' + tsName, &error);
    ASSERT_FALSE(committed.isEmpty()) << error.toStdString();
    const QList<TsMessage> fromSources = lupdateCopy(dir, tsName, options);
    ASSERT_FALSE(fromSources.isEmpty());
    QStringList unfinished;
    for (const TsMessage &message : fromSources) {
        if (message.unfinished)
            unfinished.append(describe(message));
    }
    EXPECT_TRUE(unfinished.isEmpty())
        << tsName.toStdString()
        << " lacks a translation of (run `ninja update_translations`, then translate):\n"
        << unfinished.join(u'\n').toStdString();
    const QStringList unused = (keys(committed) - keys(fromSources)).values();
    EXPECT_TRUE(unused.isEmpty()) << tsName.toStdString() << " holds strings the sources no longer use:\n"
                                  << unused.join(u'\n').toStdString();
}

/// "%1", "%2", "%n", "%Ln" ... in text, sorted.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

int accelerators(const QString &text)
{
    return static_cast<int>(QString(text).remove(QStringLiteral("&&")).count(u'&'));
}

TEST(TranslationFiles, GermanTranslatesEveryStringOfTheSources)
{
    expectInStepWithTheSources(QStringLiteral("keyturn_de.ts"), {});
}

TEST(TranslationFiles, EnglishHasThePluralFormsOfEveryCount)
{
    expectInStepWithTheSources(QStringLiteral("keyturn_en.ts"), { QStringLiteral("-pluralonly") });
}

TEST(TranslationFiles, GermanKeepsPlaceholdersAndAccelerators)
{
    QString error;
    const QList<TsMessage> messages = readTsFile(kTranslations + QStringLiteral("/keyturn_de.ts"), &error);
    ASSERT_GT(messages.size(), 500) << error.toStdString();
    for (const TsMessage &message : messages) {
        EXPECT_FALSE(message.unfinished) << describe(message).toStdString();
        ASSERT_EQ(message.translations.size(), message.numerus ? 2 : 1) << describe(message).toStdString();
        for (const QString &translation : message.translations) {
            EXPECT_FALSE(translation.trimmed().isEmpty()) << describe(message).toStdString();
            EXPECT_EQ(placeholders(translation), placeholders(message.source))
                << describe(message).toStdString() << " -> " << translation.toStdString();
            EXPECT_EQ(accelerators(translation), accelerators(message.source))
                << describe(message).toStdString() << " -> " << translation.toStdString();
        }
    }
}

} // namespace
