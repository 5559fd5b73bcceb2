// SecretScanner: searches files, folders and captured text for known secret values (and the
// distinctive parts of them a careless log line would keep), reporting where each was found.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace keyturn::test {

struct SecretHit {
    QString where; ///< file path, or the name given to a scanned text
    QString secretKind; ///< e.g. "refresh token"
    QString fragment; ///< the first characters of the matched needle, enough to tell which
    QString context; ///< the line (up to 400 bytes) around the first hit, the secret masked
};

class SecretScanner {
public:
    /// Registers a secret; needles are the whole value and each long dot-separated part of it
    /// (a JWT's payload and signature, the random part after a fixed prefix).
    void addSecret(const QString &kind, const QString &secret);
    int needleCount() const { return static_cast<int>(m_needles.size()); }

    /// Every regular file under root (recursively; symlinks not followed), except folders for
    /// which skipDir returns true. Files larger than maxBytes are read up to maxBytes.
    void scanTree(const QString &root, const std::function<bool(const QString &dir)> &skipDir = {});
    void scanFile(const QString &path);
    void scanText(const QString &name, const QByteArray &text);

    const QList<SecretHit> &hits() const { return m_hits; }
    QStringList scannedFiles() const { return m_scannedFiles; }
    /// One line per hit, for a failure message.
    QString report() const;

private:
    struct Needle {
        QString kind;
        QByteArray bytes;
    };
    QList<Needle> m_needles;
    QList<SecretHit> m_hits;
    QStringList m_scannedFiles;
    qint64 m_maxBytes = 64 * 1024 * 1024;
};

} // namespace keyturn::test
