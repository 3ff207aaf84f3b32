// The file-creation floor: creates N page folders (in 20 section folders) with an index.html
// of SIZE bytes each, on T threads, the least any generator writing N pages to DIR must do.
//   cc -O2 -o /tmp/files_floor Benchmarks/build/files_floor.c -lpthread
//   /tmp/files_floor /tmp/files-floor-run 20000 26000 2     (then delete the folder)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
static char *dir; static int n, size, threads; static char *buf;
static void *work(void *arg) {
    long t = (long)arg; char path[512];
    for (int i = t; i < n; i += threads) {
        snprintf(path, sizeof path, "%s/s%d", dir, i % 20); mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/s%d/p%d", dir, i % 20, i); mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/s%d/p%d/index.html", dir, i % 20, i);
        int fd = open(path, O_WRONLY|O_CREAT|O_TRUNC, 0644); write(fd, buf, size); close(fd);
    }
    return 0;
}
int main(int argc, char **argv) {
    dir = argv[1]; n = atoi(argv[2]); size = atoi(argv[3]); threads = atoi(argv[4]);
    buf = malloc(size); memset(buf, 'x', size); mkdir(dir, 0755);
    struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
    pthread_t th[64]; for (long t = 0; t < threads; t++) pthread_create(&th[t], 0, work, (void*)t);
    for (int t = 0; t < threads; t++) pthread_join(th[t], 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%d pages of %d bytes on %d threads: %.2f s\n", n, size, threads, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
}
