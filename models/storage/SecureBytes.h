#pragma once

#include <QByteArrayView>
#include <cstddef>

// A fixed-size buffer for key material: allocated with libsodium's guarded, mlock()ed allocator, never swapped,
// wiped on destruction. Copies are explicit (clone()) so that key bytes are not duplicated by accident.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    SecureBytes(const unsigned char* data, std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    static SecureBytes random(std::size_t size);
    static SecureBytes fromView(QByteArrayView view);

    SecureBytes clone() const;
    void clear();

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const { return {m_data, static_cast<qsizetype>(m_size)}; }

    // Constant-time comparison.
    bool equals(const SecureBytes& other) const;

    // Lowercase hex of the bytes, itself in locked memory (used for SQLCipher's x'…' raw key literal).
    SecureBytes toHex() const;

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// libsodium must be initialised once per process before any of the above is used.
bool ensureSodiumInitialised();
