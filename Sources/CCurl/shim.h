#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>

/*
 * Typed wrappers for libcurl's variadic and macro entry points.
 *
 * Swift cannot call C variadic functions, and curl_easy_setopt / curl_easy_getinfo /
 * curl_multi_setopt read their third argument with va_arg using the exact C type the
 * option documents (long, curl_off_t, a pointer, a function pointer). Each shim below
 * takes exactly that type, so Swift never passes an Int where curl reads a long or an
 * int where it reads a curl_off_t.
 */

/** curl_global_init(CURL_GLOBAL_ALL): the macro is a composite Swift does not import. */
static inline CURLcode ccurl_global_init_all(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/** curl_easy_setopt for options documented as taking a `long`. */
static inline CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/** curl_easy_setopt for options documented as taking a `curl_off_t` (the *_LARGE options). */
static inline CURLcode ccurl_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/** curl_easy_setopt for string options; curl copies the string (except CURLOPT_POSTFIELDS). */
static inline CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/** curl_easy_setopt for object-pointer options (WRITEDATA, HEADERDATA, ERRORBUFFER, HTTPHEADER, COPYPOSTFIELDS). */
static inline CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/** curl_easy_setopt for CURLOPT_HTTPHEADER, typed as the `struct curl_slist *` curl reads. */
static inline CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/** curl_easy_setopt for CURLOPT_MIMEPOST, typed as the `curl_mime *` curl reads (a multipart/form-data body). */
static inline CURLcode ccurl_easy_setopt_mime(CURL *handle, curl_mime *mime) {
    return curl_easy_setopt(handle, CURLOPT_MIMEPOST, mime);
}

/** curl_easy_setopt for CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION (same C signature). */
static inline CURLcode ccurl_easy_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/** curl_easy_getinfo for infos documented as filling a `long` (e.g. CURLINFO_RESPONSE_CODE). */
static inline CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/** curl_multi_setopt for options documented as taking a `long`. */
static inline CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

#endif
