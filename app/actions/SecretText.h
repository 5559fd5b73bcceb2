// SecretText: a recovery key or password on its way to the screen. Move-only, no QDebug or stream
// operator (logging one is a compile error), its characters overwritten when it goes away; the
// value is read only through reveal(), a name that stands out in review.
#pragma once

#include <QDebug>
#include <QString>

namespace keyturn {

class SecretText {
public:
    SecretText() = default;
    explicit SecretText(QString value);
    ~SecretText();
    SecretText(SecretText &&other) noexcept;
    SecretText &operator=(SecretText &&other) noexcept;
    SecretText(const SecretText &) = delete;
    SecretText &operator=(const SecretText &) = delete;

    bool isEmpty() const { return m_value.isEmpty(); }
    /// The value, for the dialog that shows it and the clipboard; never for logs or files.
    const QString &reveal() const { return m_value; }
    /// Overwrites and forgets the value.
    void wipe();

private:
    QString m_value;
};

QDebug operator<<(QDebug debug, const SecretText &secret) = delete;

} // namespace keyturn
