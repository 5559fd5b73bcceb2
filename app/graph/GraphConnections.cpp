#include "graph/GraphConnections.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace keyturn {

GraphConnections::GraphConnections(QNetworkAccessManager *main, QObject *parent)
    : QObject(parent)
    , m_main(main)
{
    m_lanes.push_back(Lane{ main, 0 });
}

GraphConnections::~GraphConnections() = default;

void GraphConnections::setManagers(int managers)
{
    m_limit = std::max(1, managers);
}

int GraphConnections::openReplies() const
{
    return static_cast<int>(m_open.size());
}

QNetworkAccessManager *GraphConnections::makeLikeMain()
{
    auto *manager = new QNetworkAccessManager(this);
    manager->setProxy(m_main->proxy());
    manager->setRedirectPolicy(m_main->redirectPolicy());
    manager->setTransferTimeout(m_main->transferTimeout());
    manager->setStrictTransportSecurityEnabled(m_main->isStrictTransportSecurityEnabled());
    manager->setAutoDeleteReplies(m_main->autoDeleteReplies());
    return manager;
}

std::size_t GraphConnections::laneForGet()
{
    std::size_t best = 0;
    const std::size_t usable = std::min(m_lanes.size(), static_cast<std::size_t>(m_limit));
    for (std::size_t i = 1; i < usable; ++i) {
        if (m_lanes[i].manager && m_lanes[i].open < m_lanes[best].open)
            best = i;
    }
    if (m_lanes[best].open >= kConnectionsPerManager && usable < static_cast<std::size_t>(m_limit)) {
        m_lanes.push_back(Lane{ makeLikeMain(), 0 });
        best = m_lanes.size() - 1;
    }
    return best;
}

QNetworkReply *GraphConnections::track(std::size_t lane, QNetworkReply *reply)
{
    ++m_lanes[lane].open;
    m_open.insert(reply, lane);
    const auto done = [this, reply] {
        const auto it = m_open.constFind(reply);
        if (it == m_open.cend())
            return;
        --m_lanes[it.value()].open;
        m_open.erase(it);
    };
    // finished comes once, also after abort(); destroyed covers a reply deleted while open.
    connect(reply, &QNetworkReply::finished, this, done);
    connect(reply, &QObject::destroyed, this, done);
    return reply;
}

QNetworkReply *GraphConnections::get(const QNetworkRequest &request)
{
    const std::size_t lane = laneForGet();
    return track(lane, m_lanes[lane].manager->get(request));
}

QNetworkReply *GraphConnections::post(const QNetworkRequest &request, QIODevice *body)
{
    return track(0, m_main->post(request, body));
}

} // namespace keyturn
