#include "actions/SecretText.h"

#include <utility>

namespace keyturn {

SecretText::SecretText(QString value)
    : m_value(std::move(value))
{ }

SecretText::~SecretText()
{
    wipe();
}

SecretText::SecretText(SecretText &&other) noexcept
    : m_value(std::exchange(other.m_value, QString()))
{ }

SecretText &SecretText::operator=(SecretText &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_value = std::exchange(other.m_value, QString());
    }
    return *this;
}

void SecretText::wipe()
{
    // fill() writes into this string's own buffer (detaching first if another copy shares it).
    if (!m_value.isEmpty())
        m_value.fill(QChar(u'\0'));
    m_value.clear();
}

} // namespace keyturn
