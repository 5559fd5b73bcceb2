// DeviceListExport: writes what a table view shows to a CSV file: the visible columns in their
// visual order under their header names, then every row of the view's model (after search and
// filters, in the sort order) with the values as shown. An existing file is replaced only once
// the new one is complete: a failed export leaves it as it was.
#pragma once

#include <QDate>
#include <QString>

class QTableView;

namespace keyturn::ui {

struct CsvExportResult {
    bool ok = false;
    int rows = 0; ///< devices written (the header line not counted)
    QString error; ///< why it failed, as the system says it
};

CsvExportResult exportTableToCsv(const QTableView &table, const QString &path);

/// "Keyturn devices 2026-12-07.csv"
QString defaultCsvFileName(const QDate &date);

} // namespace keyturn::ui
