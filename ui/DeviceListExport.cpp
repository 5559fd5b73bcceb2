#include "DeviceListExport.h"

#include "devices/CsvWriter.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QSaveFile>
#include <QTableView>

namespace keyturn::ui {

CsvExportResult exportTableToCsv(const QTableView &table, const QString &path)
{
    CsvExportResult result;
    const QAbstractItemModel *model = table.model();
    if (!model) {
        result.error = QCoreApplication::translate("DeviceListExport", "There is no list to export.");
        return result;
    }
    const QHeaderView *header = table.horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && !header->isSectionHidden(logical))
            columns.append(logical);
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = file.errorString();
        return result;
    }
    CsvWriter csv(&file);
    QList<QString> fields(columns.size());
    for (qsizetype i = 0; i < columns.size(); ++i)
        fields[i] = model->headerData(columns[i], Qt::Horizontal).toString();
    csv.writeRow(fields);
    const int rows = model->rowCount();
    for (int row = 0; row < rows && csv.ok(); ++row) {
        for (qsizetype i = 0; i < columns.size(); ++i)
            fields[i] = model->index(row, columns[i]).data(Qt::DisplayRole).toString();
        csv.writeRow(fields);
    }
    if (!csv.ok()) {
        result.error = file.errorString();
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) {
        result.error = file.errorString();
        return result;
    }
    result.ok = true;
    result.rows = rows;
    return result;
}

QString defaultCsvFileName(const QDate &date)
{
    return QCoreApplication::translate("DeviceListExport", "Keyturn devices %1.csv")
        .arg(date.toString(Qt::ISODate));
}

} // namespace keyturn::ui
