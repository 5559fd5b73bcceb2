// GraphConnections: the QNetworkAccessManagers Graph requests go through: the borrowed main one and,
// while many GETs are out at once, up to managers() - 1 more made like it (proxy, redirect policy,
// transfer timeout, strict transport security, reply ownership; TLS trust is the process's). Qt
// opens at most six HTTP/1.1 connections to a host per manager, so without them every GET beyond six
// would wait inside Qt. A GET goes through the manager with the fewest replies open (the main one
// on a tie); a POST always through the main one.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include <vector>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace keyturn {

class GraphConnections final : public QObject {
    Q_OBJECT
public:
    /// What Qt opens at once to one host per manager over HTTP/1.1.
    static constexpr int kConnectionsPerManager = 6;

    explicit GraphConnections(QNetworkAccessManager *main, QObject *parent = nullptr);
    ~GraphConnections() override;

    /// Managers in all, the main one included (at least 1). Fewer than made so far: the extra ones
    /// take no new requests (those open finish).
    void setManagers(int managers);
    int managers() const { return m_limit; }
    QNetworkAccessManager *main() const { return m_main; }

    QNetworkReply *get(const QNetworkRequest &request);
    QNetworkReply *post(const QNetworkRequest &request, QIODevice *body);
    /// Replies sent through this and not finished yet, over every manager.
    int openReplies() const;

private:
    struct Lane {
        QPointer<QNetworkAccessManager> manager;
        int open = 0;
    };
    /// The lane for the next GET (made when every lane in use has a full set of connections busy).
    std::size_t laneForGet();
    QNetworkAccessManager *makeLikeMain();
    QNetworkReply *track(std::size_t lane, QNetworkReply *reply);

    QNetworkAccessManager *m_main;
    std::vector<Lane> m_lanes; ///< [0] is the main manager
    QHash<QNetworkReply *, std::size_t> m_open; ///< reply -> lane, until it finishes or goes away
    int m_limit = 1;
};

} // namespace keyturn
