/* cmark floor: how long libcmark alone takes to render the corpus's Markdown.
 *
 *   cc -O2 -o cmark_floor cmark_floor.c -lcmark -lpthread
 *   find CONTENT -name '*.md' | ./cmark_floor THREADS
 *
 * Reads the file names on standard input, loads every file into memory and
 * drops its YAML front matter (the lines between the first two `---` lines),
 * then renders each body with cmark_markdown_to_html (CMARK_OPT_SMART |
 * CMARK_OPT_VALIDATE_UTF8, as hashi's parser) on THREADS threads taking files
 * from a shared counter. Only the rendering is timed (the loading is printed
 * apart). Prints one line of key=value pairs.
 */
#include <cmark.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char *text; size_t len; } body_t;

static body_t *bodies;
static size_t nbodies;
static atomic_size_t next_body;
static atomic_size_t html_bytes;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *worker(void *arg) {
  (void)arg;
  size_t out = 0;
  for (;;) {
    size_t i = atomic_fetch_add(&next_body, 1);
    if (i >= nbodies) break;
    char *html = cmark_markdown_to_html(bodies[i].text, bodies[i].len,
                                        CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
    out += strlen(html);
    free(html);
  }
  atomic_fetch_add(&html_bytes, out);
  return NULL;
}

/* Offset of the body: after the closing `---` line of a leading front matter. */
static size_t body_offset(const char *s, size_t len) {
  if (len < 4 || strncmp(s, "---\n", 4) != 0) return 0;
  size_t i = 4;
  while (i < len) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - s) : len;
    if (end - i == 3 && strncmp(s + i, "---", 3) == 0) return nl ? end + 1 : len;
    i = end + 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  if (threads < 1) threads = 1;
  size_t cap = 1024, total = 0, total_file = 0;
  bodies = malloc(cap * sizeof *bodies);
  char name[4096];
  double t0 = now();
  while (fgets(name, sizeof name, stdin)) {
    size_t n = strlen(name);
    if (n && name[n - 1] == '\n') name[--n] = 0;
    if (!n) continue;
    FILE *f = fopen(name, "rb");
    if (!f) { perror(name); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(size + 1);
    if (fread(buf, 1, size, f) != (size_t)size) { perror(name); return 1; }
    fclose(f);
    buf[size] = 0;
    size_t off = body_offset(buf, size);
    if (nbodies == cap) bodies = realloc(bodies, (cap *= 2) * sizeof *bodies);
    bodies[nbodies].text = buf + off;
    bodies[nbodies].len = size - off;
    nbodies++;
    total += size - off;
    total_file += size;
  }
  double t1 = now();
  pthread_t *ts = malloc(threads * sizeof *ts);
  for (int i = 0; i < threads; i++) pthread_create(&ts[i], NULL, worker, NULL);
  for (int i = 0; i < threads; i++) pthread_join(ts[i], NULL);
  double t2 = now();
  printf("files=%zu file_bytes=%zu markdown_bytes=%zu html_bytes=%zu threads=%d "
         "load_s=%.4f render_s=%.4f mb_per_s=%.1f\n",
         nbodies, total_file, total, (size_t)html_bytes, threads, t1 - t0, t2 - t1,
         total / 1e6 / (t2 - t1));
  return 0;
}
