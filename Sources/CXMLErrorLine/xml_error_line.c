#include "xml_error_line.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

// libxml2's own declaration (libxml/xmlerror.h), restated so that this file needs no
// libxml2 headers (whose ICU types clash with Foundation's; see CLibXML2/shim.h).
typedef void (*maalplan_generic_error_func)(void *ctx, const char *msg, ...);
void xmlSetGenericErrorFunc(void *ctx, maalplan_generic_error_func handler);

enum { line_size = 200 };
static __thread char line[line_size];

static void keep(void *ctx, const char *msg, ...) {
    (void)ctx;
    size_t n = strlen(line);
    if (n > 0 && line[n - 1] == '\n') return;   // the first line is whole
    if (n + 1 >= line_size) return;
    va_list ap;
    va_start(ap, msg);
    vsnprintf(line + n, line_size - n, msg, ap);
    va_end(ap);
}

void maalplan_capture_generic_errors(void) {
    line[0] = 0;
    xmlSetGenericErrorFunc(NULL, keep);
}

const char *maalplan_generic_error_line(void) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = 0;
    return line;
}
