#include "graph/OneShotBody.h"

#include <cstring>

namespace keyturn {

OneShotBody::OneShotBody(QByteArray data, QObject *parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

bool OneShotBody::reset()
{
    // Qt only rewinds an upload to send it again (after a dropped connection): never allow it,
    // even for an empty body that was never read.
    return false;
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min(maxSize, m_data.size() - m_pos);
    if (n <= 0)
        return -1;
    std::memcpy(data, m_data.constData() + m_pos, static_cast<std::size_t>(n));
    m_pos += n;
    return n;
}

} // namespace keyturn
