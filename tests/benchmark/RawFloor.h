// RawFloor: the floor for listing devices: plain QNetworkAccessManager GETs of the same pages
// ($select, $top) following @odata.nextLink, with no JSON parsing (the link is found by a scan).
#pragma once

#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace keyturn::bench {

struct FetchTiming {
    bool ok = false;
    double firstPageMs = 0; ///< until the first page's body is complete
    double totalMs = 0;
    int pages = 0;
    qint64 bytes = 0;
    double cpuMs = -1; ///< CPU time of the benchmark process during the fetch
    QString error;
};

/// Fetches every page starting at firstUrl, sequentially (a nextLink is only known once its page arrived).
FetchTiming fetchRaw(QNetworkAccessManager &nam, const QUrl &firstUrl, const QString &token);

} // namespace keyturn::bench
