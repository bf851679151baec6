"""Upload issues as sentences: what is wrong and what to do, one per validation code.

``issue.<code>`` follows the validator's codes one-to-one (a test checks that every code the
validator can emit has a sentence). Placeholders: {value}, {column} and the issue's params;
one the issue does not give prints as nothing.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "issue.file-too-large": (
        "Berkas {size_mb} MB melebihi batas {max_mb} MB. Pisahkan per tahun atau hapus lembar lain.",
        "The file is {size_mb} MB, over the {max_mb} MB limit. Split it by year or remove other sheets.",
    ),
    "issue.file-too-large-for-cells": (
        "Berkas {size_mb} MB hanya dapat diperiksa bila berupa CSV UTF-8 tanpa baris kosong di "
        "antara data (batas {max_mb} MB untuk XLSX dan CSV berkode lain). Di "
        "Excel pilih Simpan Sebagai > 'CSV UTF-8 (dipisahkan koma)', atau pisahkan per tahun.",
        "A {size_mb} MB file can only be checked as a UTF-8 CSV without blank lines between rows "
        "(the limit for XLSX and other CSV encodings is {max_mb} MB). In Excel "
        "choose Save As > 'CSV UTF-8 (Comma delimited)', or split it by year.",
    ),
    "issue.issues-unlisted": (
        "Masalah ditemukan pada {total} baris; yang dicantumkan di sini hanya {listed} baris "
        "pertama. Perbaiki polanya di seluruh berkas (sering tanda desimal atau kolom yang "
        "tertukar), lalu unggah lagi.",
        "Problems were found on {total} rows; only the first {listed} are listed here. Fix the "
        "pattern across the whole file (often the decimal mark or swapped columns), then upload "
        "it again.",
    ),
    "issue.file-empty": (
        "Berkas kosong. Isi templat lalu unggah lagi.",
        "The file is empty. Fill in the template and upload it again.",
    ),
    "issue.file-not-table": (
        "Berkas ini bukan tabel CSV atau XLSX (terbaca sebagai {kind}). Simpan dari Excel sebagai "
        "'CSV' atau 'Excel Workbook (.xlsx)'.",
        "This file is not a CSV or XLSX table (it reads as {kind}). Save it from Excel as 'CSV' or "
        "'Excel Workbook (.xlsx)'.",
    ),
    "issue.file-binary": (
        "Berkas ini bukan tabel teks (CSV): isinya tampak seperti berkas biner (gambar, arsip "
        "atau program) yang diberi nama .csv. Buka tabelnya di Excel atau LibreOffice, simpan "
        "sebagai 'CSV UTF-8' atau 'Excel Workbook (.xlsx)', lalu unggah lagi.",
        "This file is not a text table (CSV): it looks like a binary file (an image, archive or "
        "program) named .csv. Open the table in Excel or LibreOffice, save it as 'CSV UTF-8' or "
        "'Excel Workbook (.xlsx)', then upload it again.",
    ),
    "issue.sheet-missing": (
        "Lembar '{value}' tidak ada. Lembar yang ada: {sheets}.",
        "There is no sheet '{value}'. Sheets in the file: {sheets}.",
    ),
    "issue.file-no-rows": (
        "Ada baris judul kolom tetapi tidak ada baris data di bawahnya.",
        "The file has a header row but no data rows below it.",
    ),
    "issue.dataset-unknown": (
        "Judul kolom tidak cocok dengan templat mana pun (ditemukan: {headers}). Unduh templat "
        "dan pakai judul kolomnya.",
        "The column headers match no template (found: {headers}). Download a template and use "
        "its headers.",
    ),
    "issue.unknown-column": (
        "Kolom ini tidak dikenal dan akan diabaikan.",
        "This column is not known and will be ignored.",
    ),
    "issue.duplicate-column": (
        "Kolom ini muncul dua kali. Hapus salah satunya.",
        "This column appears twice. Remove one of them.",
    ),
    "issue.missing-column": (
        "Kolom wajib '{column}' tidak ada (dalam bahasa Inggris: '{en}'). Tambahkan kolom itu.",
        "The required column '{column}' is missing (in English: '{en}'). Add that column.",
    ),
    "issue.decimal-ask": (
        "'{value}' bisa berarti {comma} (tanda desimal koma) atau {point} (tanda desimal "
        "titik), dan tidak ada sel lain yang menentukannya. Pilih tanda desimal angka dalam "
        "berkas di halaman ini (baris perintah: --decimal , atau --decimal .), atau ketik ulang "
        "sel ini sebagai angka, bukan teks.",
        "'{value}' can mean {comma} (decimal comma) or {point} (decimal point), and no other "
        "cell decides which. Choose the decimal mark of the file's numbers on this page "
        "(command line: --decimal , or --decimal .), or retype this cell as a number, not text.",
    ),
    "issue.required-empty": (
        "Sel wajib ini kosong. Isi nilainya.",
        "This required cell is empty. Fill it in.",
    ),
    "issue.year-invalid": (
        "'{value}' bukan tahun yang sah. Tulis tahun bulat antara {low} dan {high}, misalnya 2024.",
        "'{value}' is not a valid year. Write a whole year between {low} and {high}, e.g. 2024.",
    ),
    "issue.not-a-number": (
        "'{value}' bukan angka. Tulis angka saja, misalnya 1.250.000 atau 54,5 (tanda desimal "
        "berkas ini: '{decimal}').",
        "'{value}' is not a number. Write a number only, e.g. 1250000 or 54.5 (this file's "
        "decimal mark: '{decimal}').",
    ),
    "issue.not-whole": (
        "'{value}' harus bilangan bulat. Hapus angka di belakang koma.",
        "'{value}' must be a whole number. Remove the decimals.",
    ),
    "issue.negative": (
        "'{value}' negatif, padahal pendapatan, jumlah dan anggaran tidak bisa negatif. Periksa "
        "tanda minus.",
        "'{value}' is negative, but income, counts and budgets cannot be. Check the minus sign.",
    ),
    "issue.out-of-range": (
        "'{value}' di luar rentang {low}–{high}. Skor dan persentase ditulis dalam skala itu.",
        "'{value}' is outside {low}–{high}. Scores and shares are written on that scale.",
    ),
    "issue.text-too-long": (
        "Teks terlalu panjang (lebih dari {limit} karakter). Persingkat.",
        "The text is too long (over {limit} characters). Shorten it.",
    ),
    "issue.unknown-indicator": (
        "Indikator '{value}' tidak dikenal. Pakai salah satu kode: {allowed}.",
        "Unknown indicator '{value}'. Use one of these codes: {allowed}.",
    ),
    "issue.unknown-region": (
        "Wilayah '{value}' tidak dikenal. Pakai salah satu: {allowed}.",
        "Unknown region '{value}'. Use one of: {allowed}.",
    ),
    "issue.unknown-sector": (
        "Sektor '{value}' tidak dikenal. Pakai salah satu: {allowed}.",
        "Unknown sector '{value}'. Use one of: {allowed}.",
    ),
    "issue.unknown-obstacle": (
        "Hambatan '{value}' tidak dikenal. Pakai salah satu kode: {allowed}.",
        "Unknown obstacle '{value}'. Use one of these codes: {allowed}.",
    ),
    "issue.unknown-program": (
        "Program '{value}' tidak dikenal. Pakai salah satu kode: {allowed}.",
        "Unknown program '{value}'. Use one of these codes: {allowed}.",
    ),
    "issue.unknown-size": (
        "Skala usaha '{value}' tidak dikenal. Tulis mikro, kecil atau menengah.",
        "Unknown size class '{value}'. Write micro, small or medium.",
    ),
    "issue.unknown-gender": (
        "Jenis kelamin pemilik '{value}' tidak dikenal. Tulis P (perempuan) atau L (laki-laki), "
        "atau kosongkan bila tidak dicatat.",
        "Unknown owner's gender '{value}'. Write P (female, perempuan) or L (male, laki-laki), "
        "or leave it empty when not recorded.",
    ),
    "issue.unknown-status": (
        "Status '{value}' tidak dikenal. Tulis dilaporkan, estimasi atau ilustratif.",
        "Unknown status '{value}'. Write reported, estimated or illustrative.",
    ),
    "issue.unknown-mark": (
        "Tanda '{value}' tidak dikenal. Tulis * (angka sementara), ** (angka sangat "
        "sementara), r (angka perbaikan), atau kosongkan untuk angka tetap.",
        "Unknown mark '{value}'. Write * (provisional), ** (very provisional), r (revised), "
        "or leave it empty for a final figure.",
    ),
    "issue.unknown-direction": (
        "Arah '{value}' tidak dikenal. Tulis naik (makin tinggi makin baik) atau turun (makin "
        "rendah makin baik).",
        "Unknown direction '{value}'. Write higher (higher is better) or lower (lower is better).",
    ),
    "issue.unknown-actor": (
        "Aktor '{value}' tidak dikenal. Tulis pemerintah, asosiasi atau pelaku usaha.",
        "Unknown actor '{value}'. Write government, association or entrepreneurs.",
    ),
    "issue.unknown-element": (
        "Elemen '{value}' tidak dikenal. Pakai salah satu: {allowed}.",
        "Unknown element '{value}'. Use one of: {allowed}.",
    ),
    "issue.duplicate-row": (
        "Baris ini mengulang baris {first}: {keys} sama. Hapus salah satunya.",
        "This row repeats row {first}: the same {keys}. Remove one of them.",
    ),
    "issue.range-incomplete": (
        "Rentang hanya punya satu batas. Isi batas bawah dan batas atas, atau kosongkan keduanya.",
        "The range has only one bound. Fill in both low and high, or leave both empty.",
    ),
    "issue.low-above-high": (
        "Batas bawah lebih besar dari batas atas ({value}). Tukar kedua nilai.",
        "The low bound is above the high bound ({value}). Swap the two values.",
    ),
    "issue.value-outside-range": (
        "Nilai {value} berada di luar rentang {low}–{high}. Periksa apakah nilai tengahnya benar.",
        "The value {value} lies outside its range {low}–{high}. Check the central value.",
    ),
    "issue.score-as-fraction": (
        "Nilai {value} pada kolom {column} tampak sebagai pecahan, padahal skor dan pangsa "
        "disimpan dalam persen (0–100). Bila maksudnya {suggested}%, tulis {suggested}; bila "
        "memang di bawah 1%, biarkan.",
        "The value {value} in column {column} looks like a fraction, but scores and shares are "
        "kept in percent (0–100). If {suggested}% is meant, write {suggested}; if it really is "
        "below 1%, leave it.",
    ),
    "issue.quote-unclosed": (
        'Tanda kutip (") yang dibuka di sel ini tidak pernah ditutup, sehingga baris-baris '
        "berikutnya terbaca sebagai isi sel ini. Tutup tanda kutipnya di akhir teks, atau "
        "hapus tanda kutip itu, lalu unggah lagi.",
        'The quote mark (") opened in this cell is never closed, so the rows after it read as '
        "part of this cell. Close the quote at the end of the text, or remove it, then upload "
        "again.",
    ),
    "issue.quote-inside-cell": (
        'Sel ini diawali tanda kutip (") yang ditutup di tengah teksnya: {value}. Berkas sebesar '
        "ini hanya dapat dibaca bila sel seperti itu seluruhnya diapit tanda kutip dan kutip di "
        'dalamnya ditulis dua kali ("""Pameran"" di Jakarta"), seperti yang ditulis Excel dan '
        "LibreOffice. Simpan ulang berkas dari Excel atau LibreOffice sebagai 'CSV UTF-8', atau "
        "pisahkan per tahun.",
        'This cell opens with a quote mark (") that closes inside its text: {value}. A file this '
        "large can only be read when such a cell is wholly in quotes, with the quotes inside it "
        'written twice ("""Pameran"" di Jakarta"), as Excel and LibreOffice write it. Save the '
        "file again from Excel or LibreOffice as 'CSV UTF-8', or split it by year.",
    ),
    "issue.encoding-mixed": (
        "Berkas ini UTF-8 kecuali satu byte ({value}) di baris ini, dari pengodean lain "
        "(Windows-1252). Di Excel pilih Simpan Sebagai > 'CSV UTF-8 (dipisahkan koma)', atau "
        "ketik ulang huruf beraksen di baris ini.",
        "This file is UTF-8 except for one byte ({value}) on this row, from another encoding "
        "(Windows-1252). In Excel choose Save As > 'CSV UTF-8 (Comma delimited)', or retype the "
        "accented letters on this row.",
    ),
    "issue.encoding-mojibake": (
        "Teks '{value}' berisi huruf rusak (seperti 'Ã©' atau 'â€“'): berkas pernah dibuka "
        "dengan pengodean yang salah. Perbaiki hurufnya, lalu simpan sebagai 'CSV UTF-8 "
        "(dipisahkan koma)'.",
        "The text '{value}' holds garbled letters (such as 'Ã©' or 'â€“'): the file was once "
        "opened with the wrong encoding. Fix the letters, then save as 'CSV UTF-8 (Comma "
        "delimited)'.",
    ),
    "issue.cell-beyond-header": (
        "Sel di kolom {column} berisi '{value}' tetapi tidak punya judul kolom, sehingga akan "
        "hilang. Sering karena koma atau titik koma tanpa tanda kutip di sel sebelumnya: beri "
        "tanda kutip pada teks itu, atau pindahkan isinya ke kolom yang benar.",
        "The cell in column {column} holds '{value}' but has no header, so it would be lost. "
        "Often an unquoted comma or semicolon in an earlier cell shifted the row: quote that "
        "text, or move the content to the right column.",
    ),
    "issue.control-character": (
        "Sel ini berisi karakter kontrol tak terlihat ({char}), yang tidak dapat disimpan dalam "
        "Excel. Ketik ulang teks sel ini.",
        "This cell holds an invisible control character ({char}) that Excel cannot hold. Retype "
        "the cell's text.",
    ),
    "issue.thousands-ambiguous": (
        "'{value}' adalah jumlah (bilangan bulat), tetapi di berkas ini titik/koma itu dibaca "
        "sebagai tanda desimal. Tulis 1500 tanpa pemisah, atau pakai pemisah ribuan yang sama "
        "di seluruh berkas (1.500 dengan desimal koma).",
        "'{value}' is a count (a whole number), but in this file that mark reads as the "
        "decimal mark. Write 1500 without a separator, or use one thousands separator across "
        "the whole file (1.500 with decimal commas).",
    ),
    "issue.header-not-found": (
        "Baris judul kolom tidak ditemukan (diharapkan kolom: {expected}). Tambahkan baris "
        "judul dari templat di atas data.",
        "No header row was found (expected columns: {expected}). Add the template's header "
        "row above the data.",
    ),
    "issue.data-on-other-sheet": (
        "Lembar pertama tidak berisi tabel; datanya ada di lembar '{value}'. Pilih lembar itu.",
        "The first sheet holds no table; the data is on sheet '{value}'. Choose that sheet.",
    ),
    "issue.xlsx-too-large-unpacked": (
        "Isi buku kerja ini {size_mb} MB setelah dibuka, melebihi batas {max_mb} MB. Hapus "
        "lembar atau format yang tidak perlu, atau simpan sebagai CSV UTF-8.",
        "This workbook unpacks to {size_mb} MB, over the {max_mb} MB limit. Remove unneeded "
        "sheets or formatting, or save it as CSV UTF-8.",
    ),
    "issue.xlsx-too-wide": (
        "Ada isi di kolom {column}, di luar {max} kolom pertama. Hapus isi di sebelah kanan tabel.",
        "There is content in column {column}, beyond the first {max} columns. Remove what is "
        "right of the table.",
    ),
    "issue.xlsx-entities": (
        "Buku kerja ini ditolak: bagian '{value}' memuat deklarasi DOCTYPE (entitas XML), yang "
        "tidak pernah ditulis Excel dan dapat dipakai untuk menyerang server. Buka berkasnya di "
        "Excel atau LibreOffice, simpan lagi sebagai 'Excel Workbook (.xlsx)', lalu unggah lagi.",
        "This workbook is refused: its part '{value}' holds a DOCTYPE declaration (XML "
        "entities), which Excel never writes and which can be used to attack the server. Open "
        "the file in Excel or LibreOffice, save it again as 'Excel Workbook (.xlsx)', and upload "
        "it again.",
    ),
    "issue.xlsx-damaged": (
        "Buku kerja ini rusak dan tidak dapat dibaca (mungkin terpotong saat disalin atau "
        "diunduh). Buka berkasnya di Excel atau LibreOffice, simpan lagi sebagai 'Excel "
        "Workbook (.xlsx)', lalu unggah lagi.",
        "This workbook is damaged and cannot be read (it may have been cut short while copied "
        "or downloaded). Open the file in Excel or LibreOffice, save it again as 'Excel "
        "Workbook (.xlsx)', and upload it again.",
    ),
    "issue.xlsx-too-many-cells": (
        "Lembar ini berisi lebih dari {max} sel (termasuk sel berformat atau berisi spasi). "
        "Salin tabelnya saja ke buku kerja baru, atau simpan sebagai CSV UTF-8.",
        "This sheet holds more than {max} cells (formatted or space-only cells count). Copy "
        "just the table into a new workbook, or save it as CSV UTF-8.",
    ),
    "issues.col.row": ("Baris", "Row"),
    "issues.col.column": ("Kolom", "Column"),
    "issues.col.value": ("Nilai", "Value"),
    "issues.col.level": ("Tingkat", "Level"),
    "issues.col.message": ("Masalah dan cara memperbaiki", "Problem and how to fix it"),
    "issues.level.error": ("galat", "error"),
    "issues.level.warning": ("peringatan", "warning"),
    # Wide tables (impact.upload.wide): the row and column are the sheet's own.
    "issue.wide-nil": (
        "'{value}' berarti nihil (tidak ada): tidak disimpan sebagai 0 dan tidak disimpan.",
        "'{value}' means nil (none): not stored as 0, not stored at all.",
    ),
    "issue.wide-not-available": (
        "'{value}' berarti data tidak tersedia: sel ini dilewati.",
        "'{value}' means not available: this cell is skipped.",
    ),
    "issue.wide-withheld": (
        "'{value}' berarti data dirahasiakan: sel ini dilewati.",
        "'{value}' means withheld (confidential): this cell is skipped.",
    ),
    "issue.wide-label-unknown": (
        "Label baris '{value}' tidak cocok dengan indikator mana pun. Pilih indikatornya di "
        "halaman unggah, atau lewati baris ini.",
        "Row label '{value}' matches no indicator. Choose its indicator on the upload page, "
        "or skip the row.",
    ),
    "issue.wide-label-empty": (
        "Baris ini berisi angka tetapi label barisnya (kolom {column}) kosong. Tulis nama "
        "atau kode indikatornya.",
        "This row has figures but its label (column {column}) is empty. Write the indicator's "
        "name or code.",
    ),
    "issue.wide-year-repeated": (
        "Tahun {value} memimpin dua kolom (juga kolom {first}) tanpa wilayah atau rincian "
        "yang membedakannya. Jika keduanya untuk wilayah atau rincian berbeda, tulis nama "
        "wilayah/rinciannya di baris tepat di atas tahun (mis. 'Kota Blitar' di atas "
        "tahun-tahunnya); jika salah satu salah, perbaiki judul tahunnya.",
        "Year {value} heads two columns (also column {first}) with nothing that tells them "
        "apart. If they are for different regions or breakdowns, write the region or "
        "breakdown in the row just above the years (e.g. 'Kota Blitar' over its years); if one "
        "is a mistake, correct its year.",
    ),
    "issue.wide-region-missing": (
        "Judul tabel tidak menyebut wilayah. Pilih wilayah tabel ini di halaman unggah.",
        "The table's title names no region. Choose the table's region on the upload page.",
    ),
    "issue.wide-sector-missing": (
        "Judul tabel tidak menyebut sektor. Pilih sektor tabel ini di halaman unggah.",
        "The table's title names no sector. Choose the table's sector on the upload page.",
    ),
    "issue.wide-source-missing": (
        "Tabel tidak punya baris 'Sumber: ...'. Tulis sumbernya di halaman unggah, atau "
        "tambahkan baris 'Sumber: ...' di bawah tabel.",
        "The table has no 'Sumber: ...' (source) line. Write the source on the upload page, "
        "or add a 'Sumber: ...' line below the table.",
    ),
    "issue.wide-unit-unknown": (
        "Tabel tidak menyebut satuan angka baris '{value}' (terdaftar dalam {registry}). "
        "Pilih satuannya di halaman unggah (mis. {registry} atau ribu {registry}), atau di "
        "baris perintah dengan --unit / --scale / --row-unit. Tidak ada yang disimpan dengan "
        "satuan tebakan.",
        "The table does not state the unit of row '{value}' (registered in {registry}). "
        "Choose it on the upload page (e.g. {registry} or thousand {registry}), or on the "
        "command line with --unit / --scale / --row-unit. Nothing is stored at a guessed "
        "unit.",
    ),
    "issue.wide-unit-conflict": (
        "Satuan baris '{value}' disebut berbeda di dua tempat: {stated}. Pilih satuan yang "
        "benar di halaman unggah (atau --row-unit di baris perintah).",
        "The unit of row '{value}' is stated differently in two places: {stated}. Choose the "
        "right one on the upload page (or --row-unit on the command line).",
    ),
    "issue.wide-unit-mismatch": (
        "Baris '{label}' dalam '{value}', tetapi indikatornya terdaftar dalam {registry}: "
        "angka ini tidak bisa menjadi {registry}. Periksa apakah indikator baris ini benar, "
        "atau satuan yang tertulis.",
        "Row '{label}' is in '{value}', but its indicator is registered in {registry}: these "
        "figures cannot become {registry}. Check the row's indicator, or the unit written.",
    ),
    "issue.wide-part-unchosen": (
        "Di bawah tahun ada sub-kolom '{value}'. Pilih di halaman unggah apakah kolom ini "
        "jumlah seluruhnya (disimpan) atau hanya sebagian (dilewati); di baris perintah: "
        "--part '{value}=whole' atau '{value}=skip'. Tidak ada yang diambil sebagai jumlah "
        "tanpa pilihan Anda.",
        "Under the years there are sub-columns '{value}'. Choose on the upload page whether "
        "they are the whole (stored) or only a part (skipped); on the command line: --part "
        "'{value}=whole' or '{value}=skip'. Nothing is taken as the whole without your choice.",
    ),
    "issue.wide-column-part": (
        "Kolom '{value}' hanya sebagian tahun: tidak disimpan sebagai angka setahun. Unggah "
        "angka setahun penuh bila sudah ada.",
        "Column '{value}' covers only part of a year: not stored as a yearly figure. Upload "
        "the whole year's figure when it exists.",
    ),
    "issue.wide-column-fiscal": (
        "Kolom '{value}' adalah tahun anggaran/ajaran, bukan tahun kalender: tidak disimpan. "
        "Tulis tahun kalendernya (mis. 2021) bila angkanya untuk setahun kalender.",
        "Column '{value}' is a fiscal or school year, not a calendar year: not stored. Write "
        "the calendar year (e.g. 2021) if the figure is for a calendar year.",
    ),
    "issue.wide-unit-scaled": (
        "Tabel ini dalam {unit}, indikator '{value}' disimpan dalam {registry}: angkanya "
        "dikalikan {factor} sebelum disimpan. Periksa pratinjaunya.",
        "This table is in {unit}, indicator '{value}' is kept in {registry}: its figures are "
        "multiplied by {factor} before they are stored. Check the preview.",
    ),
}
