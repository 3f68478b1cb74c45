#include "SecureBytes.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

bool ensureSodiumInitialised()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

SecureBytes::SecureBytes(std::size_t size)
{
    if (size == 0)
        return;
    ensureSodiumInitialised();
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecureBytes::SecureBytes(const unsigned char* data, std::size_t size)
    : SecureBytes(size)
{
    if (size > 0)
        std::memcpy(m_data, data, size);
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    if (size > 0)
        randombytes_buf(bytes.m_data, size);
    return bytes;
}

SecureBytes SecureBytes::fromView(QByteArrayView view)
{
    return SecureBytes(reinterpret_cast<const unsigned char*>(view.data()), static_cast<std::size_t>(view.size()));
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_data, m_size);
}

void SecureBytes::clear()
{
    if (m_data) {
        // sodium_free() wipes the region before releasing it.
        sodium_free(m_data);
        m_data = nullptr;
        m_size = 0;
    }
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

SecureBytes SecureBytes::toHex() const
{
    SecureBytes hex(m_size * 2 + 1);
    if (m_size > 0)
        sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), m_data, m_size);
    // Drop the terminating NUL from the visible size.
    SecureBytes out(hex.data(), m_size * 2);
    return out;
}
