// libjpeg with recoverable errors, for heed's logo check.
//
// libjpeg reports a fatal error by calling `error_exit`, which must not return; its default
// calls exit(). The documented recovery (libjpeg.txt, "Error handling"; example.c) is an
// error_exit that longjmps back to a setjmp in the caller. Swift cannot call setjmp, so this
// small C target does the setjmp and hands Swift plain return codes. Nothing here prints.
#ifndef HEED_JPEG_GUARD_H
#define HEED_JPEG_GUARD_H

#include <stddef.h>

#define HEED_JPEG_MESSAGE_LENGTH 200

typedef struct {
    /// Decoded pixels, row after row, `components` bytes each; malloc'd, released by heed_jpeg_free.
    unsigned char *pixels;
    unsigned int width;
    unsigned int height;
    /// 1 (grey) or 3 (RGB).
    unsigned int components;
    /// Size as stored in the file, before DCT scaling.
    unsigned int stored_width;
    unsigned int stored_height;
    /// Why decoding failed (empty on success).
    char message[HEED_JPEG_MESSAGE_LENGTH];
} heed_jpeg_image;

/// Decodes a baseline or progressive JPEG from memory.
/// - grey: non-zero for one grey component, zero for RGB.
/// - max_pixels / max_side: the stored size is checked against these right after the header,
///   before any pixel buffer is allocated.
/// - min_side: when non-zero, libjpeg's DCT scaling (1/2, 1/4, 1/8) is used as far as the
///   shorter side of the result stays at least min_side; 0 decodes at full size.
/// - max_scans: progressive files with more scans are refused (a known way to make a small
///   file cost minutes of CPU).
/// Returns 0 on success; otherwise non-zero, `out->pixels` is NULL and `out->message` says why.
/// A file that ends early is a failure, not a grey-padded image.
int heed_jpeg_decode(const unsigned char *data, size_t size, int grey,
                     unsigned long max_pixels, unsigned int max_side, unsigned int min_side,
                     unsigned int max_scans, heed_jpeg_image *out);

void heed_jpeg_free(heed_jpeg_image *image);

/// Encodes 8-bit grey (components 1) or RGB (components 3) pixels as a baseline JPEG with
/// the given quality (1...100). On success returns 0 and a malloc'd buffer in *out / *out_size,
/// to be released with heed_jpeg_free_buffer; on failure returns non-zero, *out is NULL.
int heed_jpeg_encode(const unsigned char *pixels, unsigned int width, unsigned int height,
                     unsigned int components, int quality,
                     unsigned char **out, unsigned long *out_size);

void heed_jpeg_free_buffer(unsigned char *buffer);

#endif
