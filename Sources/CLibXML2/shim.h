// libxml2's headers pull in ICU when it is enabled; its types clash with the
// copy inside Foundation. The reader needs none of it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

