/* Foundation's networking (URLSession) comes into the static binary with FlyingFox, which names it
 * for a proxy handler hashi never uses, and it names libcurl. hashi opens no URL session, so instead
 * of linking libcurl and its TLS libraries (which a bare Debian machine lacks), scripts/package.sh
 * links this: each function says it is missing and stops, should anything ever call it. */
#include <stdio.h>
#include <stdlib.h>

static void missing(const char *name) {
    fprintf(stderr, "hashi: %s called, but this binary has no networking (libcurl)\n", name);
    abort();
}

#define MISSING(name) void name(void) { missing(#name); }
MISSING(curl_easy_cleanup)
MISSING(curl_easy_getinfo)
MISSING(curl_easy_init)
MISSING(curl_easy_pause)
MISSING(curl_easy_setopt)
MISSING(curl_easy_strerror)
MISSING(curl_free)
MISSING(curl_global_init)
MISSING(curl_multi_add_handle)
MISSING(curl_multi_assign)
MISSING(curl_multi_cleanup)
MISSING(curl_multi_info_read)
MISSING(curl_multi_init)
MISSING(curl_multi_remove_handle)
MISSING(curl_multi_setopt)
MISSING(curl_multi_socket_action)
MISSING(curl_slist_append)
MISSING(curl_slist_free_all)
MISSING(curl_url)
MISSING(curl_url_get)
MISSING(curl_url_set)
MISSING(curl_version)
MISSING(curl_version_info)
