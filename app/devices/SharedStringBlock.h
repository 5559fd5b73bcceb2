// SharedStringBlock: makes QStrings that share one heap block, so the text of a whole list page
// costs one allocation instead of one per string (100,000 devices hold half a million strings).
// Each QString keeps a reference on the block like any implicitly shared QString: the block is
// freed with the last of them (or with this object, if it made none), and a string that is
// modified detaches (copies). Fill it on one thread; the strings it made may then go anywhere a
// QString may. Two costs to know: a string kept alive keeps its whole block alive, and Qt sizes
// the copy of a string appended to (+=, append, operator+ with it on the left) from its offset in
// the block, so long-lived or concatenated values (device ids) are better made outside it.
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <initializer_list>

namespace keyturn {

class SharedStringBlock {
public:
    /// Room for `units` UTF-16 units in all, terminators included (one per string), and for at
    /// most `strings` strings.
    SharedStringBlock(qsizetype units, qsizetype strings);
    ~SharedStringBlock();
    SharedStringBlock(const SharedStringBlock &) = delete;
    SharedStringBlock &operator=(const SharedStringBlock &) = delete;

    /// Where the next string's `length` units go, or nullptr when the block (or its string count)
    /// has no room for them.
    char16_t *claim(qsizetype length);
    /// Makes the `length` units written at `text` (the last claim()) a QString sharing the block.
    QString commit(char16_t *text, qsizetype length);
    /// ASCII text as a QString in the block; false (nothing used) for other bytes or no room.
    bool ascii(QByteArrayView utf8, QString *out);
    /// The parts joined by '\n' with ASCII letters lower-cased (DeviceRecord's searchKey) as a
    /// QString in the block; false (nothing used) when a part is not ASCII or there is no room.
    bool foldedAscii(std::initializer_list<QStringView> parts, QString *out);

private:
    QTypedArrayData<char16_t> *m_header = nullptr;
    char16_t *m_next = nullptr;
    char16_t *m_end = nullptr;
    qsizetype m_unusedRefs = 0; // references taken up front, one per string still to be made
};

} // namespace keyturn
