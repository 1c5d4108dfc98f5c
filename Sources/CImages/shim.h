// Image decoders for the logo check (Debian libpng-dev, libjpeg62-turbo-dev, libgif-dev).
// Only Guidelines' logo check imports this module.
#ifndef HEED_CIMAGES_SHIM_H
#define HEED_CIMAGES_SHIM_H
#include <stdio.h>
#include <png.h>
#include <jpeglib.h>
#include <gif_lib.h>
#endif
