#pragma once

class QWidget;

// Fonts of headings and other text drawn larger or smaller than the rest: relative to the application's font, so
// they follow View > Text Size at once (a size set once in points would stay behind).
namespace UiFonts {

// Sets widget's font to the application's font scaled by factor (bold if asked), now and whenever the application's
// font changes.
void relative(QWidget* widget, double factor, bool bold = false);

} // namespace UiFonts
