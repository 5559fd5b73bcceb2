#include "ScreenTexts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QWidget>
#include <QXmlStreamReader>

#include <algorithm>

namespace keyturn::test {

namespace {

void addActions(const QList<QAction *> &actions, QStringList *texts)
{
    for (const QAction *action : actions) {
        texts->append(action->text());
        texts->append(action->toolTip());
        if (action->menu())
            addActions(action->menu()->actions(), texts);
    }
}

/// The column headers and the cells of the first rows (the ones a person sees first).
void addHeadersAndCells(const QAbstractItemView *view, QStringList *texts)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        texts->append(model->headerData(column, Qt::Horizontal).toString());
        for (int row = 0; row < std::min(model->rowCount(), 50); ++row)
            texts->append(model->index(row, column).data().toString());
    }
}

void addWidget(const QWidget *widget, QStringList *texts)
{
    texts->append(widget->toolTip());
    texts->append(widget->accessibleName());
    if (widget->isWindow())
        texts->append(widget->windowTitle());
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        texts->append(label->text());
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        texts->append(button->text());
    if (const auto *group = qobject_cast<const QGroupBox *>(widget))
        texts->append(group->title());
    if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
        texts->append(edit->placeholderText());
    if (const auto *bar = qobject_cast<const QMenuBar *>(widget))
        addActions(bar->actions(), texts);
    if (const auto *view = qobject_cast<const QAbstractItemView *>(widget))
        addHeadersAndCells(view, texts);
}

} // namespace

QStringList screenTexts(const QWidget *root)
{
    QStringList texts;
    addWidget(root, &texts);
    for (const QWidget *child : root->findChildren<QWidget *>()) {
        if (child->isVisible())
            addWidget(child, &texts);
    }
    texts.removeAll(QString());
    texts.removeDuplicates();
    return texts;
}

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message"))
            messages.append(message);
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (!message.numerus)
                message.translations = { xml.readElementText() };
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
        return {};
    }
    return messages;
}

QStringList untranslatedTexts(const QStringList &texts, const QList<TsMessage> &catalog)
{
    QSet<QString> english;
    QSet<QString> translated;
    for (const TsMessage &message : catalog) {
        for (const QString &translation : message.translations)
            translated.insert(translation);
        if (!message.numerus && !message.translations.isEmpty()
            && message.translations.first() != message.source)
            english.insert(message.source);
    }
    QStringList left;
    for (const QString &text : texts) {
        // A word both languages share ("Status") is no sign of a missing translation.
        if (english.contains(text) && !translated.contains(text))
            left.append(text);
    }
    return left;
}

} // namespace keyturn::test
