#include "BannerColors.h"

#include <QPalette>

#include <cmath>

namespace keyturn::ui {

namespace {

double linear(double channel)
{
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

struct Pair {
    QRgb background;
    QRgb border;
};

Pair pairFor(MessageBanner::Kind kind, bool dark)
{
    switch (kind) {
    case MessageBanner::Kind::Success:
        return dark ? Pair{ 0x173a17, 0x54b054 } : Pair{ 0xd3f0d0, 0x107c10 };
    case MessageBanner::Kind::Information:
        return dark ? Pair{ 0x102a44, 0x479ef5 } : Pair{ 0xdbeafb, 0x0f6cbd };
    case MessageBanner::Kind::Warning:
        return dark ? Pair{ 0x3d3212, 0xe0b400 } : Pair{ 0xfdefb8, 0x9d7700 };
    case MessageBanner::Kind::Error:
        return dark ? Pair{ 0x4a1a1f, 0xf1707b } : Pair{ 0xfcd5d8, 0xc50f1f };
    }
    return { 0xf0f0f0, 0x808080 };
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

BannerColors bannerColors(MessageBanner::Kind kind, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor windowText = palette.color(QPalette::WindowText);
    const bool dark = luminance(window) < luminance(windowText);
    const Pair pair = pairFor(kind, dark);
    BannerColors colors;
    colors.background = QColor::fromRgb(pair.background);
    colors.border = QColor::fromRgb(pair.border);
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    if (contrastRatio(windowText, colors.background) >= 4.5)
        colors.text = windowText;
    else
        colors.text = contrastRatio(black, colors.background) >= contrastRatio(white, colors.background)
            ? black
            : white;
    // Black on white or white on black: the tint alone is too faint a cue, the border says more.
    colors.borderWidth = contrastRatio(window, windowText) >= 15.0 ? 2 : 1;
    return colors;
}

} // namespace keyturn::ui
