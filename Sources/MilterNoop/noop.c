/*
 * milter-noop: a milter on Debian's libmilter that does nothing, as cheaply as the protocol
 * allows: the floor the milter benchmark compares heed with.
 *
 * It negotiates what heed negotiates (no CONNECT, HELO, EOH or unknown commands; no reply to
 * MAIL, RCPT, headers and body chunks), so both receive the same events, and answers
 * "continue" at DATA and at the end of the message. It looks at nothing.
 *
 * Usage: milter-noop inet:PORT@127.0.0.1 | unix:/path
 */
#include <libmilter/mfapi.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The protocol flags heed asks for (Sources/Milter/Session/MilterSession.swift, wantedProtocol). */
static const unsigned long heed_protocol =
    SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOEOH | SMFIP_NOUNKNOWN |
    SMFIP_NR_CONN | SMFIP_NR_HELO | SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_HDR |
    SMFIP_NR_EOH | SMFIP_NR_BODY | SMFIP_NR_UNKN | SMFIP_HDR_LEADSPC;

static sfsistat noop_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1, unsigned long f2,
                               unsigned long f3, unsigned long *pf0, unsigned long *pf1,
                               unsigned long *pf2, unsigned long *pf3) {
    (void)ctx; (void)f2; (void)f3;
    *pf0 = f0 & SMFIF_ADDHDRS;
    *pf1 = f1 & heed_protocol;
    *pf2 = 0;
    *pf3 = 0;
    return SMFIS_CONTINUE;
}

/* With SMFIP_NR_* agreed, these callbacks must answer SMFIS_NOREPLY. */
static sfsistat noop_envfrom(SMFICTX *ctx, char **argv) { (void)ctx; (void)argv; return SMFIS_NOREPLY; }
static sfsistat noop_envrcpt(SMFICTX *ctx, char **argv) { (void)ctx; (void)argv; return SMFIS_NOREPLY; }
static sfsistat noop_header(SMFICTX *ctx, char *name, char *value) { (void)ctx; (void)name; (void)value; return SMFIS_NOREPLY; }
static sfsistat noop_body(SMFICTX *ctx, unsigned char *chunk, size_t length) { (void)ctx; (void)chunk; (void)length; return SMFIS_NOREPLY; }
static sfsistat noop_data(SMFICTX *ctx) { (void)ctx; return SMFIS_CONTINUE; }
static sfsistat noop_eom(SMFICTX *ctx) { (void)ctx; return SMFIS_CONTINUE; }

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: milter-noop inet:PORT@HOST | unix:PATH\n");
        return 64;
    }
    struct smfiDesc description;
    memset(&description, 0, sizeof description);
    description.xxfi_name = "milter-noop";
    description.xxfi_version = SMFI_VERSION;
    description.xxfi_flags = SMFIF_ADDHDRS;
    description.xxfi_envfrom = noop_envfrom;
    description.xxfi_envrcpt = noop_envrcpt;
    description.xxfi_header = noop_header;
    description.xxfi_body = noop_body;
    description.xxfi_eom = noop_eom;
    description.xxfi_data = noop_data;
    description.xxfi_negotiate = noop_negotiate;
    if (smfi_setconn(argv[1]) == MI_FAILURE || smfi_register(description) == MI_FAILURE) {
        fprintf(stderr, "milter-noop: cannot set up %s\n", argv[1]);
        return 69;
    }
    smfi_setbacklog(256);
    /* A stale unix socket from an earlier run is removed by smfi_opensocket(true). */
    if (smfi_opensocket(1) == MI_FAILURE) {
        fprintf(stderr, "milter-noop: cannot listen on %s\n", argv[1]);
        return 69;
    }
    return smfi_main() == MI_SUCCESS ? 0 : 1;
}
