// ScreenTexts: what a person reads in a window (labels, buttons, group titles, menus, tool tips,
// accessible names, table headers), and the messages of a Qt Linguist .ts file to check it against.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace keyturn::test {

/// Every non-empty text of root and its visible children, menus and table headers included.
QStringList screenTexts(const QWidget *root);

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; ///< one, or the plural forms of a numerus message
    bool numerus = false;
    bool unfinished = false; ///< new or not yet translated (type="unfinished")
};
/// The messages of a .ts file; empty with *error set when it cannot be read.
QList<TsMessage> readTsFile(const QString &path, QString *error);
/// The texts that are an English source text of catalog translated to something else: shown
/// untranslated.
QStringList untranslatedTexts(const QStringList &texts, const QList<TsMessage> &catalog);

} // namespace keyturn::test
