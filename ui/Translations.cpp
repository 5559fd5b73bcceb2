#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace keyturn::ui {

namespace {

const QString kResourceDirectory = QStringLiteral(":/i18n");

} // namespace

Translations::Translations(const QLocale &locale)
{
    // Searched last: the English plural forms, for "%n" texts no language file translates.
    auto plurals = std::make_unique<QTranslator>();
    if (plurals->load(QStringLiteral("keyturn_en"), kResourceDirectory)
        && QCoreApplication::installTranslator(plurals.get()))
        m_translators.push_back(std::move(plurals));
    m_qtFile = install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    m_keyturnFile = install(locale, QStringLiteral("keyturn"), kResourceDirectory);
}

Translations::~Translations()
{
    for (const std::unique_ptr<QTranslator> &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
}

QString Translations::install(const QLocale &locale, const QString &prefix, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    // Tries prefix_de_DE, prefix_de ... for each of the locale's languages in turn; English needs no
    // file of Keyturn's (its source texts are English, the plural forms are loaded above).
    if (!translator->load(locale, prefix, QStringLiteral("_"), directory)
        || translator->language().startsWith(QLatin1String("en"))
        || !QCoreApplication::installTranslator(translator.get()))
        return {};
    const QString file = translator->filePath();
    m_translators.push_back(std::move(translator));
    return file;
}

} // namespace keyturn::ui
