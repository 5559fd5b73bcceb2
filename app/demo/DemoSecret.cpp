#include "demo/DemoSecret.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace keyturn::demo {

namespace {

constexpr qsizetype kSecretBytes = 32;
const QByteArray kHeader = QByteArrayLiteral("keyturn-demo-secret-v1 ");

QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::demo::DemoSecret", text);
}

constexpr QFile::Permissions kOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
    | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

} // namespace

QByteArray freshDemoSecret()
{
    QByteArray secret(kSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(secret.data()),
        reinterpret_cast<quint32 *>(secret.data() + kSecretBytes));
    return secret;
}

bool loadOrCreateDemoSecret(const QString &path, QByteArray *secret, QString *error)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile()) {
            *error = tr("secret file '%1' is not a regular file").arg(path);
            return false;
        }
        if (info.permissions().testAnyFlags(kOthers)) {
            *error = tr("secret file '%1' is readable by others; make it private (chmod 600)").arg(path);
            return false;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read secret file '%1': %2").arg(path, file.errorString());
            return false;
        }
        const QByteArray text = file.read(4096).trimmed();
        const QByteArray hex = text.startsWith(kHeader) ? text.mid(kHeader.size()) : QByteArray();
        const QByteArray value = QByteArray::fromHex(hex);
        if (hex.size() != kSecretBytes * 2 || value.size() != kSecretBytes
            || value.toHex() != hex.toLower()) {
            *error = tr("secret file '%1' is malformed; delete it to start with a fresh secret").arg(path);
            return false;
        }
        *secret = value;
        return true;
    }

    const QString folder = info.absolutePath();
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder)) {
            *error = tr("cannot create the folder '%1'").arg(folder);
            return false;
        }
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QByteArray value = freshDemoSecret();
    // Created private from the start (never readable by others, not even for a moment).
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)) {
        *error = tr("cannot create secret file '%1': %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(kHeader + value.toHex() + '\n') < 0 || !file.flush()) {
        *error = tr("cannot write secret file '%1': %2").arg(path, file.errorString());
        file.close();
        QFile::remove(path);
        return false;
    }
    *secret = value;
    return true;
}

} // namespace keyturn::demo
