// See include/jpeg_guard.h for why this file exists.
#include "jpeg_guard.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

// A generous ceiling for libjpeg's own working memory (coefficient buffers of progressive
// files are the large item); with no backing store configured, exceeding it is an error.
#define HEED_JPEG_MAX_MEMORY (384L * 1024L * 1024L)

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[HEED_JPEG_MESSAGE_LENGTH];
    unsigned int max_scans;
} guard_error_mgr;

typedef struct {
    struct jpeg_progress_mgr base;
    guard_error_mgr *errors;
} guard_progress_mgr;

static void guard_error_exit(j_common_ptr cinfo) {
    guard_error_mgr *err = (guard_error_mgr *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    longjmp(err->jump, 1);
}

// Silences libjpeg's default stderr output: heed runs as a daemon and reports on its own.
static void guard_output_message(j_common_ptr cinfo) { (void)cinfo; }

// Warnings (level -1) are corrupt-data reports libjpeg can recover from, except a premature
// end of file, which libjpeg papers over with grey rows: heed treats that as a broken image.
static void guard_emit_message(j_common_ptr cinfo, int msg_level) {
    guard_error_mgr *err = (guard_error_mgr *)cinfo->err;
    if (msg_level < 0) {
        err->base.num_warnings++;
        if (err->base.msg_code == JWRN_JPEG_EOF) {
            guard_error_exit(cinfo);
        }
    }
}

static void guard_progress(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    guard_progress_mgr *progress = (guard_progress_mgr *)cinfo->progress;
    j_decompress_ptr dinfo = (j_decompress_ptr)cinfo;
    if (progress->errors->max_scans > 0 &&
        (unsigned int)dinfo->input_scan_number > progress->errors->max_scans) {
        snprintf(progress->errors->message, HEED_JPEG_MESSAGE_LENGTH,
                 "more than %u progressive scans", progress->errors->max_scans);
        longjmp(progress->errors->jump, 1);
    }
}

static void copy_message(char *dst, const char *src) {
    strncpy(dst, src, HEED_JPEG_MESSAGE_LENGTH - 1);
    dst[HEED_JPEG_MESSAGE_LENGTH - 1] = '\0';
}

void heed_jpeg_free(heed_jpeg_image *image) {
    if (image == NULL) return;
    free(image->pixels);
    image->pixels = NULL;
}

int heed_jpeg_decode(const unsigned char *data, size_t size, int grey,
                     unsigned long max_pixels, unsigned int max_side, unsigned int min_side,
                     unsigned int max_scans, heed_jpeg_image *out) {
    memset(out, 0, sizeof(*out));
    if (data == NULL || size < 4) {
        copy_message(out->message, "too short for a JPEG");
        return 1;
    }
    if (size > (size_t)0xFFFFFFFFUL) {
        copy_message(out->message, "too large for libjpeg's memory source");
        return 1;
    }

    struct jpeg_decompress_struct cinfo;
    guard_error_mgr err;
    guard_progress_mgr progress;
    // Volatile: both are changed between setjmp and a possible longjmp and read afterwards.
    unsigned char *volatile pixels = NULL;
    volatile int created = 0;

    memset(&cinfo, 0, sizeof(cinfo));
    memset(&err, 0, sizeof(err));
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = guard_error_exit;
    err.base.output_message = guard_output_message;
    err.base.emit_message = guard_emit_message;
    err.max_scans = max_scans;

    if (setjmp(err.jump)) {
        copy_message(out->message, err.message[0] ? err.message : "corrupt JPEG");
        free(pixels);
        if (created) jpeg_destroy_decompress(&cinfo);
        out->pixels = NULL;
        return 1;
    }

    jpeg_create_decompress(&cinfo);
    created = 1;
    cinfo.mem->max_memory_to_use = HEED_JPEG_MAX_MEMORY;
    memset(&progress, 0, sizeof(progress));
    progress.base.progress_monitor = guard_progress;
    progress.errors = &err;
    cinfo.progress = &progress.base;

    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK) {
        snprintf(err.message, HEED_JPEG_MESSAGE_LENGTH, "no JPEG image");
        longjmp(err.jump, 1);
    }

    unsigned long w = cinfo.image_width, h = cinfo.image_height;
    if (w == 0 || h == 0 || w > max_side || h > max_side || w > max_pixels / h) {
        snprintf(err.message, HEED_JPEG_MESSAGE_LENGTH, "refused: %lux%lu pixels", w, h);
        longjmp(err.jump, 1);
    }
    out->stored_width = (unsigned int)w;
    out->stored_height = (unsigned int)h;

    unsigned int denom = 1;
    if (min_side > 0) {
        unsigned long shorter = w < h ? w : h;
        while (denom < 8 && shorter / (denom * 2) >= min_side) denom *= 2;
    }
    cinfo.scale_num = 1;
    cinfo.scale_denom = denom;
    cinfo.out_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    // CMYK/YCCK files cannot be converted to grey or RGB by libjpeg: refuse them cleanly
    // rather than decode four channels.
    if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
        snprintf(err.message, HEED_JPEG_MESSAGE_LENGTH, "CMYK JPEG not supported");
        longjmp(err.jump, 1);
    }

    jpeg_start_decompress(&cinfo);
    unsigned int ow = cinfo.output_width, oh = cinfo.output_height, comps = cinfo.output_components;
    if (ow == 0 || oh == 0 || (comps != 1 && comps != 3)) {
        snprintf(err.message, HEED_JPEG_MESSAGE_LENGTH, "unexpected output %ux%u with %u components", ow, oh, comps);
        longjmp(err.jump, 1);
    }
    size_t row = (size_t)ow * comps;
    pixels = malloc(row * oh);
    if (pixels == NULL) {
        snprintf(err.message, HEED_JPEG_MESSAGE_LENGTH, "out of memory");
        longjmp(err.jump, 1);
    }
    while (cinfo.output_scanline < oh) {
        JSAMPROW rowp = pixels + (size_t)cinfo.output_scanline * row;
        if (jpeg_read_scanlines(&cinfo, &rowp, 1) != 1) {
            snprintf(err.message, HEED_JPEG_MESSAGE_LENGTH, "no scanline decoded");
            longjmp(err.jump, 1);
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);

    out->pixels = pixels;
    out->width = ow;
    out->height = oh;
    out->components = comps;
    return 0;
}

void heed_jpeg_free_buffer(unsigned char *buffer) { free(buffer); }

int heed_jpeg_encode(const unsigned char *pixels, unsigned int width, unsigned int height,
                     unsigned int components, int quality,
                     unsigned char **out, unsigned long *out_size) {
    *out = NULL;
    *out_size = 0;
    if (pixels == NULL || width == 0 || height == 0 || width > 65500 || height > 65500 ||
        (components != 1 && components != 3)) {
        return 1;
    }

    // The output buffer is allocated here, larger than any JPEG of these pixels can be, so
    // jpeg_mem_dest never has to grow it: then this function owns it on every path. (When
    // libjpeg-turbo does grow a buffer, it keeps the new one out of reach until the end.)
    size_t raw = (size_t)width * height * components;
    size_t capacity = raw * 2 + 65536;
    unsigned char *initial = malloc(capacity);
    if (initial == NULL) return 1;

    struct jpeg_compress_struct cinfo;
    guard_error_mgr err;
    unsigned char *buffer = initial;
    unsigned long buffer_size = (unsigned long)capacity;
    volatile int created = 0;

    memset(&cinfo, 0, sizeof(cinfo));
    memset(&err, 0, sizeof(err));
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = guard_error_exit;
    err.base.output_message = guard_output_message;

    if (setjmp(err.jump)) {
        if (created) jpeg_destroy_compress(&cinfo);
        free(initial);
        return 1;
    }
    jpeg_create_compress(&cinfo);
    created = 1;
    jpeg_mem_dest(&cinfo, &buffer, &buffer_size);
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = (int)components;
    cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality < 1 ? 1 : (quality > 100 ? 100 : quality), TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    size_t row = (size_t)width * components;
    while (cinfo.next_scanline < height) {
        JSAMPROW rowp = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * row);
        jpeg_write_scanlines(&cinfo, &rowp, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    if (buffer != initial) free(initial);
    *out = buffer;
    *out_size = buffer_size;
    return 0;
}
