/* The file-creation floor: the least any generator must do to write a given output to disk.
 *
 *   cc -O2 -o files_floor Benchmarks/build/files_floor.c -lpthread
 *
 * List mode (what measure.py runs): the folders and files of a real output, read on standard
 * input, are made again under DIR, a folder that must not exist yet, on THREADS threads:
 *   files_floor DIR THREADS < LIST
 * LIST has one line per folder, "D <relative path>", parents before children, and one per file,
 * "F <size> <relative path>". The folders are made first, a depth at a time, each depth shared
 * by the threads; then every file is created and SIZE bytes written into it (open, write, close;
 * no fsync), the threads taking files from a shared counter. Reading the list is not timed.
 * Prints one line of key=value pairs.
 *
 * Fixed mode (the first version): N page folders in 20 section folders, an index.html of SIZE
 * bytes each:
 *   files_floor DIR N SIZE THREADS
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- fixed mode ---- */
static char *fixed_dir;
static int fixed_n, fixed_size, fixed_threads;
static char *fixed_buf;
static void *fixed_work(void *arg) {
  long t = (long)arg;
  char path[512];
  for (int i = t; i < fixed_n; i += fixed_threads) {
    snprintf(path, sizeof path, "%s/s%d", fixed_dir, i % 20); mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/s%d/p%d", fixed_dir, i % 20, i); mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/s%d/p%d/index.html", fixed_dir, i % 20, i);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) { if (write(fd, fixed_buf, fixed_size) < 0) perror(path); close(fd); }
  }
  return 0;
}
static int fixed_mode(char **argv) {
  fixed_dir = argv[1]; fixed_n = atoi(argv[2]); fixed_size = atoi(argv[3]); fixed_threads = atoi(argv[4]);
  if (fixed_threads < 1 || fixed_threads > 64) fixed_threads = 1;
  fixed_buf = malloc(fixed_size); memset(fixed_buf, 'x', fixed_size); mkdir(fixed_dir, 0755);
  double a = now();
  pthread_t th[64];
  for (long t = 0; t < fixed_threads; t++) pthread_create(&th[t], 0, fixed_work, (void *)t);
  for (int t = 0; t < fixed_threads; t++) pthread_join(th[t], 0);
  printf("%d pages of %d bytes on %d threads: %.2f s\n", fixed_n, fixed_size, fixed_threads, now() - a);
  return 0;
}

/* ---- list mode ---- */
typedef struct { char *path; size_t size; int depth; } entry_t;
static entry_t *dirs, *files;
static size_t ndirs, nfiles, dcap, fcap;
static atomic_size_t next_item;
static size_t level_start, level_end;
static char *buf;
static atomic_int failures;

static void *mkdir_work(void *arg) {
  (void)arg;
  for (;;) {
    size_t i = level_start + atomic_fetch_add(&next_item, 1);
    if (i >= level_end) break;
    if (mkdir(dirs[i].path, 0755) != 0 && errno != EEXIST) { perror(dirs[i].path); atomic_fetch_add(&failures, 1); }
  }
  return 0;
}

static void *file_work(void *arg) {
  (void)arg;
  for (;;) {
    size_t i = atomic_fetch_add(&next_item, 1);
    if (i >= nfiles) break;
    int fd = open(files[i].path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror(files[i].path); atomic_fetch_add(&failures, 1); continue; }
    size_t left = files[i].size;
    while (left > 0) {
      ssize_t n = write(fd, buf, left);
      if (n <= 0) { perror(files[i].path); atomic_fetch_add(&failures, 1); break; }
      left -= (size_t)n;
    }
    close(fd);
  }
  return 0;
}

static int by_depth(const void *a, const void *b) {
  const entry_t *x = a, *y = b;
  return (x->depth > y->depth) - (x->depth < y->depth);
}

static char *joined(const char *root, const char *rel) {
  size_t n = strlen(root) + strlen(rel) + 2;
  char *p = malloc(n);
  snprintf(p, n, "%s/%s", root, rel);
  return p;
}

static int list_mode(const char *root, int threads) {
  if (mkdir(root, 0755) != 0) { perror(root); return 1; }
  char *line = NULL;
  size_t cap = 0, max_size = 0, total = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, stdin)) > 0) {
    if (line[len - 1] == '\n') line[--len] = 0;
    if (len < 3) continue;
    if (line[0] == 'D') {
      if (ndirs == dcap) dirs = realloc(dirs, (dcap = dcap ? dcap * 2 : 1024) * sizeof *dirs);
      int depth = 0;
      for (char *c = line + 2; *c; c++) depth += *c == '/';
      dirs[ndirs++] = (entry_t){ joined(root, line + 2), 0, depth };
    } else if (line[0] == 'F') {
      char *end;
      size_t size = strtoull(line + 2, &end, 10);
      if (*end != ' ') { fprintf(stderr, "bad line: %s\n", line); return 1; }
      if (nfiles == fcap) files = realloc(files, (fcap = fcap ? fcap * 2 : 4096) * sizeof *files);
      files[nfiles++] = (entry_t){ joined(root, end + 1), size, 0 };
      if (size > max_size) max_size = size;
      total += size;
    }
  }
  free(line);
  qsort(dirs, ndirs, sizeof *dirs, by_depth);  /* parents before children */
  buf = malloc(max_size ? max_size : 1);
  for (size_t i = 0; i < max_size; i++) buf[i] = "<p>hashi floor</p>\n"[i % 19];
  pthread_t th[64];
  if (threads < 1 || threads > 64) threads = 1;
  double a = now();
  for (size_t i = 0; i < ndirs;) {
    size_t j = i;
    while (j < ndirs && dirs[j].depth == dirs[i].depth) j++;
    level_start = i; level_end = j; atomic_store(&next_item, 0);
    for (long t = 0; t < threads; t++) pthread_create(&th[t], 0, mkdir_work, 0);
    for (int t = 0; t < threads; t++) pthread_join(th[t], 0);
    i = j;
  }
  double b = now();
  atomic_store(&next_item, 0);
  for (long t = 0; t < threads; t++) pthread_create(&th[t], 0, file_work, 0);
  for (int t = 0; t < threads; t++) pthread_join(th[t], 0);
  double c = now();
  printf("dirs=%zu files=%zu bytes=%zu threads=%d mkdir_s=%.4f write_s=%.4f total_s=%.4f failures=%d\n",
         ndirs, nfiles, total, threads, b - a, c - b, c - a, atomic_load(&failures));
  return atomic_load(&failures) ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc == 5) return fixed_mode(argv);
  if (argc == 3) return list_mode(argv[1], atoi(argv[2]));
  fprintf(stderr, "usage: files_floor DIR THREADS < LIST   (or: files_floor DIR N SIZE THREADS)\n");
  return 2;
}
