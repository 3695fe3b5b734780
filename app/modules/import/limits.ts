/**
 * The largest import file accepted (the server's multipart limit,
 * MAX_UPLOAD_BYTES, is larger, so this one is reported in the user's
 * language). 50,000 product rows with three-language descriptions fit.
 */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_FILE_MB = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
