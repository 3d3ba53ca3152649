#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/*
 * Typed wrappers for libmicrohttpd's variadic entry points, which Swift cannot call.
 * Each passes its arguments with exactly the C type MHD reads with va_arg
 * (unsigned int, size_t, pointers), ending option lists with MHD_OPTION_END.
 */

/**
 * MHD_start_daemon with the options SafaBot uses.
 *
 * @param flags            MHD_FLAG bits (unsigned int).
 * @param port             the port to bind when bind_address is NULL (0 = ephemeral).
 * @param bind_address     MHD_OPTION_SOCK_ADDR, or NULL; only read during the call.
 * @param handler          the access handler and its closure.
 * @param completed        MHD_OPTION_NOTIFY_COMPLETED callback and its closure.
 * @param connection_limit MHD_OPTION_CONNECTION_LIMIT (unsigned int).
 * @param timeout_seconds  MHD_OPTION_CONNECTION_TIMEOUT (unsigned int).
 * @param memory_limit     MHD_OPTION_CONNECTION_MEMORY_LIMIT (size_t).
 * @param thread_pool_size MHD_OPTION_THREAD_POOL_SIZE (unsigned int); 0 or 1 = one polling thread.
 * @param per_ip_limit     MHD_OPTION_PER_IP_CONNECTION_LIMIT (unsigned int); 0 = no per-IP limit.
 * @param notify           MHD_OPTION_NOTIFY_CONNECTION callback (connection opened/closed) and its closure.
 * @return the daemon, or NULL when it could not start (e.g. the address is in use).
 */
static inline struct MHD_Daemon *cmhd_start_daemon(
    unsigned int flags,
    uint16_t port,
    const struct sockaddr *bind_address,
    MHD_AccessHandlerCallback handler, void *handler_cls,
    MHD_RequestCompletedCallback completed, void *completed_cls,
    unsigned int connection_limit,
    unsigned int timeout_seconds,
    size_t memory_limit,
    unsigned int thread_pool_size,
    unsigned int per_ip_limit,
    MHD_NotifyConnectionCallback notify, void *notify_cls)
{
    return MHD_start_daemon(
        flags, port,
        NULL, NULL, /* accept policy: everyone */
        handler, handler_cls,
        MHD_OPTION_SOCK_ADDR, bind_address,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size > 1 ? thread_pool_size : 0u,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_limit,
        MHD_OPTION_NOTIFY_CONNECTION, notify, notify_cls,
        MHD_OPTION_END);
}

/** MHD_get_daemon_info(MHD_DAEMON_INFO_BIND_PORT): the bound port, or 0 when unknown. */
static inline uint16_t cmhd_daemon_bind_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/** MHD_get_connection_info(MHD_CONNECTION_INFO_CLIENT_ADDRESS): the peer address, or NULL. */
static inline const struct sockaddr *cmhd_connection_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/** MHD_get_connection_info(MHD_CONNECTION_INFO_CONNECTION_FD): the connection's socket, or -1. */
static inline int cmhd_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

#endif
