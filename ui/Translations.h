// Translations: while alive, Keyturn speaks the language of a locale: it installs Keyturn's own
// translation (:/i18n/keyturn_<language>.qm), Qt's (qtbase_<language>.qm from Qt's translations
// folder) and the English plural forms beneath them; made right after the QApplication, before any
// widget.
#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

#include <memory>
#include <vector>

namespace keyturn::ui {

class Translations {
public:
    /// Installs the translators for locale's preferred languages (QLocale::uiLanguages order).
    explicit Translations(const QLocale &locale = QLocale::system());
    /// Removes them again.
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    /// The file of Keyturn's translation in use (":/i18n/keyturn_de.qm"); empty when Keyturn speaks
    /// its source English.
    QString keyturnFile() const { return m_keyturnFile; }
    /// The file of Qt's own translation in use; empty when none was found.
    QString qtFile() const { return m_qtFile; }

private:
    /// Installs a translator for the first of locale's languages with a file prefix_<language>.qm
    /// in directory; returns its file, or empty.
    QString install(const QLocale &locale, const QString &prefix, const QString &directory);

    std::vector<std::unique_ptr<QTranslator>> m_translators;
    QString m_keyturnFile;
    QString m_qtFile;
};

} // namespace keyturn::ui
