// libxlsxwriter (Debian: libxlsxwriter-dev): writes real .xlsx workbooks.
#include <xlsxwriter.h>
