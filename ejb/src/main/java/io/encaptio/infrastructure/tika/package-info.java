/** Parsing uploaded files with Apache Tika (PDFBox, POI, HTML) into structural blocks. */
package io.encaptio.infrastructure.tika;
