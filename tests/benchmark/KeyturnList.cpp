#include "KeyturnList.h"

#include "ProcessMemory.h"

#include "DeviceListPacing.h"

#include "devices/DeviceFilterProxy.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

namespace keyturn::bench {

namespace {
double msecs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

KeyturnList::KeyturnList(const QUrl &graphRoot, const QString &token)
    : m_settings(m_settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
    , m_tokens(token)
    , m_client(&m_nam, &m_tokens, SystemClock::instance())
    , m_loader(&m_client, &m_model)
{
    m_loader.setPartitionSettings(&m_settings);
    GraphClientConfig config;
    config.graphRoot = graphRoot;
    m_client.setConfig(config);

    // The same wiring and view settings as ui/DeviceListView.
    m_proxy = new DeviceFilterProxy(&m_window);
    m_proxy->setSourceModel(&m_model);
    new ui::DeviceListPacing(m_proxy, &m_window);
    m_search = new QLineEdit(&m_window);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy,
        [this](const QString &text) { m_proxy->setSearchText(text); });
    m_view = new QTableView(&m_window);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DeviceTableModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    auto *layout = new QVBoxLayout(&m_window);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    m_view->viewport()->installEventFilter(this);
    m_window.resize(1280, 800);
    m_window.show();
    m_search->setFocus();
    waitForPaint(2000);
}

void KeyturnList::setConcurrency(int requests, int managers)
{
    if (requests > 0)
        m_loader.setPartitionRequests(requests);
    if (managers > 0) {
        GraphClientConfig config = m_client.config();
        config.networkManagers = managers;
        m_client.setConfig(config);
    }
}

KeyturnList::~KeyturnList()
{
    m_view->viewport()->removeEventFilter(this);
}

bool KeyturnList::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && watched == m_view->viewport()) {
        m_painted = true;
        if (m_loading && m_firstRowsMs < 0 && m_proxy->rowCount() > 0)
            m_firstRowsMs = msecs(m_clock);
    }
    return QObject::eventFilter(watched, event);
}

bool KeyturnList::waitForPaint(int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!m_painted && waited.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return m_painted;
}

std::pair<double, double> KeyturnList::handOverRows() const
{
    QElapsedTimer timer;
    timer.start();
    {
        const std::vector<DeviceRecord> copy = m_model.records();
        if (copy.size() != m_model.records().size())
            return { -1, -1 };
    }
    const double copyMs = msecs(timer);
    timer.restart();
    const auto shared = m_model.snapshot();
    const double shareMs = msecs(timer);
    return { copyMs, shared ? shareMs : -1 };
}

int KeyturnList::visibleRows() const
{
    return m_proxy->rowCount();
}

LoadTiming KeyturnList::load()
{
    LoadTiming timing;
    QEventLoop loop;
    bool finished = false;
    connect(&m_loader, &DeviceListLoader::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    connect(&m_loader, &DeviceListLoader::failed, &loop, [&](const GraphError &error) {
        timing.error = error.details();
        loop.quit();
    });
    connect(&m_loader, &DeviceListLoader::progress, &loop,
        [&] { timing.partitioned = timing.partitioned || m_loader.isPartitioned(); });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    // Each run measures a first load (a model that holds a list would be refreshed aside).
    m_model.clear();
    m_settings.clear();
    m_firstRowsMs = -1;
    m_loading = true;
    const double cpuBefore = processCpuMilliseconds();
    m_clock.start();
    m_loader.start();
    loop.exec();
    m_loader.disconnect(&loop);
    if (!finished) {
        m_loading = false;
        if (timing.error.isEmpty())
            timing.error = QStringLiteral("load timed out");
        return timing;
    }
    // The proxy shows arrived rows in batches and sorts them into place once arrivals
    // pause; the app settles both at once when loading ends (DeviceListView::onFinished), as here.
    // The list is complete once every row is shown, in order, and painted.
    m_proxy->settleSort();
    m_painted = false;
    m_view->viewport()->update();
    waitForPaint(5000);
    timing.completeMs = msecs(m_clock);
    timing.cpuMs = processCpuMilliseconds() - cpuBefore;
    m_loading = false;
    timing.firstRowsMs = m_firstRowsMs;
    timing.rows = m_proxy->rowCount();
    timing.ok = timing.rows == m_model.rowCount() && timing.rows > 0;
    if (!timing.ok)
        timing.error
            = QStringLiteral("the view shows %1 of %2 rows").arg(timing.rows).arg(m_model.rowCount());
    return timing;
}

std::vector<double> KeyturnList::typeAndErase(const QString &text)
{
    std::vector<double> times;
    const auto keystroke = [&](auto press) {
        QCoreApplication::processEvents(); // start from an idle view
        m_painted = false;
        QElapsedTimer timer;
        timer.start();
        press();
        waitForPaint(2000);
        times.push_back(msecs(timer));
    };
    for (const QChar c : text)
        keystroke([&] { QTest::keyClicks(m_search, QString(c)); });
    for (qsizetype i = 0; i < text.size(); ++i)
        keystroke([&] { QTest::keyClick(m_search, Qt::Key_Backspace); });
    return times;
}

double KeyturnList::sortBy(int column)
{
    QCoreApplication::processEvents();
    m_painted = false;
    QElapsedTimer timer;
    timer.start();
    m_view->sortByColumn(column, Qt::AscendingOrder);
    waitForPaint(5000);
    return msecs(timer);
}

} // namespace keyturn::bench
