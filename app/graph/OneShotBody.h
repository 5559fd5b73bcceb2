// OneShotBody: a POST body that QNetworkAccessManager can read only once. Qt's HTTP/1 channel
// silently re-sends a request when the connection closes before the response (any method); it
// must reset the upload device first, so refusing reset() turns that re-send into an error and
// a POST reaches the server at most once.
#pragma once

#include <QIODevice>

namespace keyturn {

class OneShotBody final : public QIODevice {
    Q_OBJECT
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::atEnd(); }
    /// Always fails: the body is sent at most once.
    bool reset() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace keyturn
