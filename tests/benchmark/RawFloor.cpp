#include "RawFloor.h"

#include "ProcessMemory.h"

#include "devices/DeviceListPage.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace keyturn::bench {

FetchTiming fetchRaw(QNetworkAccessManager &nam, const QUrl &firstUrl, const QString &token)
{
    FetchTiming timing;
    const QByteArray authorization = QByteArrayLiteral("Bearer ") + token.toUtf8();
    const double cpuBefore = processCpuMilliseconds();
    QElapsedTimer timer;
    timer.start();
    QUrl url = firstUrl;
    while (!url.isEmpty()) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", authorization);
        request.setRawHeader("Accept", "application/json");
        std::unique_ptr<QNetworkReply> reply(nam.get(request));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        if (!reply->isFinished() || reply->error() != QNetworkReply::NoError) {
            timing.error = reply->isFinished() ? reply->errorString() : QStringLiteral("timed out");
            return timing;
        }
        const QByteArray body = reply->readAll();
        if (timing.pages == 0)
            timing.firstPageMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        timing.bytes += body.size();
        ++timing.pages;
        url = findNextLink(body);
    }
    timing.totalMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timing.cpuMs = processCpuMilliseconds() - cpuBefore;
    timing.ok = true;
    return timing;
}

} // namespace keyturn::bench
