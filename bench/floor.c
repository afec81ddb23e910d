/* The floor: what reading a .docx costs with libzip + libxml2 xmlTextReader and
 * nothing else. For comparison with maalplan-bench-read (the Swift model reader).
 *
 *   floor [-p doc|same] [-m io|mem|sax] [-w WARMUP] [-1] REPEATS FILE...
 *
 * Each file is read into memory once, up front. Then, REPEATS times, one pass:
 * for each file, open the zip from memory (zip_source_buffer_create +
 * zip_open_from_source, as DocxPackage does), inflate the parts and pull every
 * node through xmlTextReader (XML_PARSE_NONET | XML_PARSE_COMPACT), counting
 * nodes and doing nothing else. Prints the median ms per pass over all files.
 *
 *   -p doc   the main part only (the default: "the floor"): word/document.xml, or
 *            where _rels/.rels points when that is missing.
 *   -p same  the parts WordReader reads: [Content_Types].xml, _rels/.rels (twice,
 *            as DocxPackage reads it again for core properties),
 *            word/_rels/document.xml.rels, word/document.xml, styles, numbering,
 *            header*, footer*, footnotes, endnotes, docProps/core.xml.
 *   -m io    stream the inflated part into the parser with xmlReaderForIO
 *            (zip_fread callback, as XMLPullReader does; the default).
 *   -m mem   inflate the whole part first, then xmlReaderForMemory.
 *   -m sax   not xmlTextReader but libxml2's SAX2 push parser (xmlParseChunk) with
 *            callbacks that only count: what a reader without xmlTextReader's
 *            per-node tree could cost. For comparison only; not "the floor".
 *
 *   -1       one pass only, as a whole process would make it: read each file,
 *            inflate and parse it, once (REPEATS and -w are ignored; timed as a
 *            process from outside, e.g. by /usr/bin/time). What `maalplan import`
 *            is compared with as a whole process.
 *
 * Output (one line, parsed by bench/run.sh):
 *   floor[doc,io] median_ms=0.123 min_ms=0.120 cpu_ms=0.121 files=4 passes=200 nodes=12345
 * median_ms and min_ms are wall time per pass; cpu_ms is the median process CPU time
 * per pass, which other work on the machine disturbs less.
 */
#include <libxml/xmlreader.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

typedef struct { unsigned char *data; size_t size; const char *path; } blob;

static int mode_same = 0, mode_mem = 0, mode_sax = 0;

static double clock_ms(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int io_read(void *ctx, char *buf, int len) {
    zip_int64_t n = zip_fread((zip_file_t *)ctx, buf, (zip_uint64_t)len);
    return n < 0 ? -1 : (int)n;
}
static int io_close(void *ctx) { (void)ctx; return 0; }

static long pull(xmlTextReaderPtr r) {
    long nodes = 0;
    int ret;
    if (!r) return -1;
    while ((ret = xmlTextReaderRead(r)) == 1) nodes++;
    xmlFreeTextReader(r);
    return ret == 0 ? nodes : -1;
}

static void sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                      int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                      int nb_defaulted, const xmlChar **attributes) {
    (void)localname; (void)prefix; (void)URI; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    ++*(long *)((xmlParserCtxtPtr)ctx)->_private;
}
static void sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    (void)localname; (void)prefix; (void)URI;
    ++*(long *)((xmlParserCtxtPtr)ctx)->_private;
}
static void sax_chars(void *ctx, const xmlChar *ch, int len) {
    (void)ch; (void)len;
    ++*(long *)((xmlParserCtxtPtr)ctx)->_private;
}

static long sax_entry(zip_file_t *zf, const char *name) {
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = sax_start;
    h.endElementNs = sax_end;
    h.characters = sax_chars;
    h.ignorableWhitespace = sax_chars;
    char buf[16384];
    long nodes = 0;
    zip_int64_t n = zip_fread(zf, buf, 4);
    if (n < 0) return -1;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&h, NULL, buf, (int)n, name);
    if (!ctxt) return -1;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_COMPACT);
    ctxt->_private = &nodes;
    ctxt->userData = ctxt;
    int err = 0;
    while (!err && (n = zip_fread(zf, buf, sizeof buf)) > 0) err = xmlParseChunk(ctxt, buf, (int)n, 0);
    if (!err && n == 0) err = xmlParseChunk(ctxt, NULL, 0, 1);
    int ok = !err && n == 0 && ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    return ok ? nodes : -1;
}

/* Inflates one entry and pulls it through the reader; node count, or -1. */
static long parse_entry(zip_t *za, zip_int64_t idx, const char *name) {
    const int opts = XML_PARSE_NONET | XML_PARSE_COMPACT;
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf) return -1;
    long nodes;
    if (mode_sax) {
        nodes = sax_entry(zf, name);
    } else if (mode_mem) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0) { zip_fclose(zf); return -1; }
        char *buf = malloc(st.size ? st.size : 1);
        zip_int64_t got = zip_fread(zf, buf, st.size);
        if (got < 0) { free(buf); zip_fclose(zf); return -1; }
        nodes = pull(xmlReaderForMemory(buf, (int)got, name, NULL, opts));
        free(buf);
    } else {
        nodes = pull(xmlReaderForIO(io_read, io_close, zf, name, NULL, opts));
    }
    zip_fclose(zf);
    return nodes;
}

static int wanted(const char *n) {
    static const char *exact[] = {
        "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
        "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml",
        "docProps/core.xml", NULL };
    for (int i = 0; exact[i]; i++) if (strcasecmp(n, exact[i]) == 0) return 1;
    size_t len = strlen(n);
    if (len > 4 && strcasecmp(n + len - 4, ".xml") == 0 &&
        (strncasecmp(n, "word/header", 11) == 0 || strncasecmp(n, "word/footer", 11) == 0))
        return 1;
    return 0;
}

/* The main part: word/document.xml, else the officeDocument target in _rels/.rels
 * (as DocxPackage finds it). Entry index, or -1. */
static zip_int64_t main_part(zip_t *za) {
    zip_int64_t idx = zip_name_locate(za, "word/document.xml", ZIP_FL_NOCASE);
    if (idx >= 0) return idx;
    zip_int64_t rels = zip_name_locate(za, "_rels/.rels", ZIP_FL_NOCASE);
    if (rels < 0) return -1;
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)rels, 0);
    if (!zf) return -1;
    xmlTextReaderPtr r = xmlReaderForIO(io_read, io_close, zf, "_rels/.rels", NULL,
                                        XML_PARSE_NONET | XML_PARSE_COMPACT);
    while (r && idx < 0 && xmlTextReaderRead(r) == 1) {
        if (xmlTextReaderNodeType(r) != 1) continue;
        xmlChar *type = xmlTextReaderGetAttribute(r, BAD_CAST "Type");
        xmlChar *target = xmlTextReaderGetAttribute(r, BAD_CAST "Target");
        size_t tl = type ? strlen((char *)type) : 0;
        if (target && tl >= 15 && strcmp((char *)type + tl - 15, "/officeDocument") == 0)
            idx = zip_name_locate(za, (char *)target + (target[0] == '/'), ZIP_FL_NOCASE);
        xmlFree(type);
        xmlFree(target);
    }
    if (r) xmlFreeTextReader(r);
    zip_fclose(zf);
    return idx;
}

/* One file, once: node count, or -1 on failure. */
static long read_one(const blob *b) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(b->data, b->size, 0, &zerr);
    if (!src) { zip_error_fini(&zerr); return -1; }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
    zip_error_fini(&zerr);
    if (!za) { zip_source_free(src); return -1; }
    long total = 0;
    if (!mode_same) {
        zip_int64_t idx = main_part(za);
        total = idx < 0 ? -1 : parse_entry(za, idx, "document");
    } else {
        zip_int64_t n = zip_get_num_entries(za, 0), main = main_part(za);
        for (zip_int64_t i = 0; i < n && total >= 0; i++) {
            const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
            if (!name || !(i == main || wanted(name))) continue;
            int times = strcmp(name, "_rels/.rels") == 0 ? 2 : 1;
            for (int t = 0; t < times && total >= 0; t++) {
                long k = parse_entry(za, i, name);
                total = k < 0 ? -1 : total + k;
            }
        }
    }
    zip_discard(za);
    return total;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int warmup = 3, i = 1, once = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) mode_same = strcmp(argv[++i], "same") == 0;
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            i++;
            mode_mem = strcmp(argv[i], "mem") == 0;
            mode_sax = strcmp(argv[i], "sax") == 0;
        }
        else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc) warmup = atoi(argv[++i]);
        else if (strcmp(argv[i], "-1") == 0) once = 1;
        else break;
    }
    if (argc - i < 2) {
        fprintf(stderr, "usage: floor [-p doc|same] [-m io|mem|sax] [-w WARMUP] [-1] REPEATS FILE...\n");
        return 2;
    }
    int repeats = atoi(argv[i++]);
    if (repeats < 1) repeats = 1;
    int nfiles = argc - i;
    blob *files = calloc((size_t)nfiles, sizeof *files);
    for (int f = 0; f < nfiles; f++) {
        FILE *fp = fopen(argv[i + f], "rb");
        if (!fp) { perror(argv[i + f]); return 2; }
        fseek(fp, 0, SEEK_END);
        long size = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        files[f].data = malloc(size > 0 ? (size_t)size : 1);
        files[f].size = fread(files[f].data, 1, (size_t)size, fp);
        files[f].path = argv[i + f];
        fclose(fp);
    }
    xmlInitParser();

    if (once) {
        long total = 0;
        for (int f = 0; f < nfiles; f++) {
            long k = read_one(&files[f]);
            if (k < 0) { fprintf(stderr, "floor: cannot read %s\n", files[f].path); return 1; }
            total += k;
        }
        printf("floor[%s,%s,once] files=%d nodes=%ld\n", mode_same ? "same" : "doc",
               mode_sax ? "sax" : mode_mem ? "mem" : "io", nfiles, total);
        return 0;
    }

    long nodes = 0;
    for (int f = 0; f < nfiles; f++) {
        long k = read_one(&files[f]);
        if (k < 0) { fprintf(stderr, "floor: cannot read %s\n", files[f].path); return 1; }
        nodes += k;
    }
    for (int w = 0; w < warmup; w++)
        for (int f = 0; f < nfiles; f++) read_one(&files[f]);

    double *times = malloc((size_t)repeats * sizeof *times);
    double *cpu = malloc((size_t)repeats * sizeof *cpu);
    long sink = 0;
    for (int r = 0; r < repeats; r++) {
        double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        for (int f = 0; f < nfiles; f++) sink += read_one(&files[f]);
        cpu[r] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        times[r] = clock_ms(CLOCK_MONOTONIC) - t0;
    }
    qsort(times, (size_t)repeats, sizeof *times, cmp_double);
    qsort(cpu, (size_t)repeats, sizeof *cpu, cmp_double);
    printf("floor[%s,%s] median_ms=%.4f min_ms=%.4f cpu_ms=%.4f files=%d passes=%d nodes=%ld\n",
           mode_same ? "same" : "doc", mode_sax ? "sax" : mode_mem ? "mem" : "io",
           times[repeats / 2], times[0], cpu[repeats / 2], nfiles, repeats, sink / repeats);
    return 0;
}
