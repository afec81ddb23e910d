#ifndef MAALPLAN_XML_ERROR_LINE_H
#define MAALPLAN_XML_ERROR_LINE_H

/// libxml2 writes some errors (an encoding it cannot convert, "xmlParseChunk: encoder error")
/// through its generic error function, which prints them to stderr. From this call on, this
/// thread's are kept instead: the first line, for the reader's own one-line refusal.
void maalplan_capture_generic_errors(void);

/// The first line kept since the capture ("" when none).
const char *maalplan_generic_error_line(void);

#endif
