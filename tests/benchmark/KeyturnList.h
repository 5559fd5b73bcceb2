// KeyturnList: Keyturn's device list as the app wires it (GraphClient -> DeviceListLoader ->
// DeviceTableModel -> DeviceFilterProxy -> QTableView, a search QLineEdit calling setSearchText),
// in a window on the offscreen platform, with timings taken when the view has painted.
#pragma once

#include "core/AccessTokenProvider.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QWidget>

#include <vector>

class QLineEdit;
class QTableView;

namespace keyturn {
class DeviceFilterProxy;
}

namespace keyturn::bench {

struct LoadTiming {
    bool ok = false;
    double firstRowsMs = -1; ///< start() -> first paint of the table showing rows
    double completeMs = -1; ///< start() -> every row loaded, sorted and painted
    int rows = 0;
    double cpuMs = -1; ///< CPU time of the benchmark process (all threads) during the load
    bool partitioned = false; ///< the loader listed partitions at some point of the load
    QString error;
};

class KeyturnList final : public QObject {
    Q_OBJECT
public:
    KeyturnList(const QUrl &graphRoot, const QString &token);
    ~KeyturnList() override;

    /// Off: the list loads page after page, as before partitions (default on, as in the app).
    void setPartitions(bool enabled) { m_loader.setPartitionsEnabled(enabled); }
    /// Partition requests out at once and the network managers they may use (<= 0: the app's).
    void setConcurrency(int requests, int managers);
    /// One full load from an empty model, as Refresh does. Each load starts without any memory of
    /// partitions that did not hold.
    LoadTiming load();
    /// Types `text` into the search box key by key, then erases it with Backspace; returns the
    /// milliseconds of each keystroke until the table had repainted.
    std::vector<double> typeAndErase(const QString &text);
    /// Clicks the header of `column` (ascending); milliseconds until the table had repainted.
    double sortBy(int column);
    int visibleRows() const;
    /// Handing the loaded rows to the cache writer: milliseconds to copy them (as the UI thread did)
    /// and to share them (DeviceTableModel::snapshot(), what it does now).
    std::pair<double, double> handOverRows() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Processes events until the table's viewport has painted (bounded); false on timeout.
    bool waitForPaint(int timeoutMs);

    QTemporaryDir m_settingsDir; // the loader's per-tenant memory stays out of the user's settings
    QSettings m_settings;
    QNetworkAccessManager m_nam;
    StaticAccessTokenProvider m_tokens;
    GraphClient m_client;
    DeviceTableModel m_model;
    DeviceListLoader m_loader;
    QWidget m_window;
    DeviceFilterProxy *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;

    QElapsedTimer m_clock;
    bool m_painted = false;
    double m_firstRowsMs = -1;
    bool m_loading = false;
};

} // namespace keyturn::bench
