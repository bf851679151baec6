"""Texts of the editor sign-in, the upload page and the upload history.

key: (Bahasa Indonesia, English). Placeholders use str.format names.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "signin.title": ("Masuk sebagai editor", "Sign in as editor"),
    "signin.name": ("Nama editor", "Editor name"),
    "signin.password": ("Kata sandi", "Password"),
    "signin.submit": ("Masuk", "Sign in"),
    "signin.failed": (
        "Nama atau kata sandi salah. Periksa lalu coba lagi.",
        "Wrong name or password. Check them and try again.",
    ),
    "signin.locked": (
        "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
        "Too many failed attempts. Try again in {seconds} seconds.",
    ),
    "signin.locked_client": (
        "Terlalu banyak percobaan masuk yang gagal dari perangkat ini. Coba lagi dalam "
        "{seconds} detik. Editor di perangkat lain tidak terpengaruh.",
        "Too many failed sign-ins from this device. Try again in {seconds} seconds. Editors "
        "on other devices are not affected.",
    ),
    "signin.password_too_long": (
        "Kata sandi terlalu panjang: paling banyak {limit} karakter. Periksa lalu coba lagi.",
        "The password is too long: at most {limit} characters. Check it and try again.",
    ),
    "signin.in_clear": (
        "Dasbor ini dibuka lewat HTTP biasa: kata sandi Anda melintasi jaringan tanpa "
        "enkripsi dan bisa dibaca orang lain di jaringan yang sama. Minta operator "
        "menjalankan dasbor dengan HTTPS (`make run HTTPS=1`, lihat README), lalu buka "
        "alamat yang diawali `https://`.",
        "This dashboard is open over plain HTTP: your password crosses the network "
        "unencrypted and others on the same network can read it. Ask the operator to serve "
        "the dashboard over HTTPS (`make run HTTPS=1`, see the README), then open the address "
        "that starts with `https://`.",
    ),
    "signin.name.too-long": (
        "Nama editor terlalu panjang: paling banyak {limit} karakter.",
        "The editor name is too long: at most {limit} characters.",
    ),
    "signin.name.control": (
        "Nama editor berisi karakter tak terlihat (misalnya spasi lebar-nol atau penanda arah "
        "teks). Ketik ulang nama Anda, jangan menempelnya.",
        "The editor name holds invisible characters (such as a zero-width space or a text "
        "direction mark). Type your name again instead of pasting it.",
    ),
    "signin.name.character": (
        "Nama editor hanya boleh berisi huruf, angka, spasi, titik, tanda hubung dan garis bawah.",
        "The editor name may hold only letters, digits, spaces, dots, hyphens and underscores.",
    ),
    "signin.name.mixed-script": (
        "Nama editor mencampur huruf dari aksara berbeda (misalnya huruf Sirilik yang mirip "
        "huruf Latin). Ketik ulang nama Anda dengan papan ketik biasa.",
        "The editor name mixes letters of different scripts (such as a Cyrillic letter that "
        "looks Latin). Type your name again on your usual keyboard.",
    ),
    "signin.ended": (
        "Sesi editor Anda berakhir: Anda keluar di tab atau peramban lain, atau tidak ada "
        "kegiatan selama {minutes} menit. Data Anda aman; masuk lagi untuk melanjutkan.",
        "Your editor session ended: you signed out in another tab or browser, or it was idle "
        "for {minutes} minutes. Your data is safe; sign in again to continue.",
    ),
    "signin.signout_help": (
        "Keluar di semua tab dan peramban tempat Anda masuk.",
        "Signs you out in every tab and browser where you signed in.",
    ),
    "signin.as": ("Masuk sebagai **{name}**", "Signed in as **{name}**"),
    "signin.signout": ("Keluar", "Sign out"),
    "signin.why": (
        "Melihat dasbor terbuka untuk semua; mengunggah dan membatalkan unggahan hanya untuk editor.",
        "Viewing is open to all; uploading and reverting are for editors only.",
    ),
    "signin.disabled": (
        "Unggah data belum diaktifkan di server ini: belum ada kata sandi editor. Operator "
        "membuat hash dengan `python -m impact hash-password`, lalu menaruhnya di variabel "
        "lingkungan `BATIK_EDITOR_PASSWORD_HASH` atau di `.streamlit/secrets.toml` bagian "
        "`[editors]` (lihat README), lalu memulai ulang dasbor.",
        "Uploads are not enabled on this server: no editor password is set. The operator makes "
        "a hash with `python -m impact hash-password`, puts it in the environment variable "
        "`BATIK_EDITOR_PASSWORD_HASH` or in `.streamlit/secrets.toml` under `[editors]` (see "
        "the README), and restarts the dashboard.",
    ),
    "upload.title": ("Unggah data tahunan", "Upload yearly data"),
    "upload.intro": (
        "Unggah CSV atau XLSX berisi angka tahun baru. Seluruh berkas diperiksa dulu; tidak "
        "ada yang tersimpan sebelum Anda melihat pratinjau dan menekan Simpan.",
        "Upload a CSV or XLSX file with a new year's figures. The whole file is checked first; "
        "nothing is saved until you have seen the preview and pressed Save.",
    ),
    "upload.templates": ("Templat dan kolomnya", "Templates and their columns"),
    "upload.template_csv": ("Templat {name} (CSV)", "{name} template (CSV)"),
    "upload.template_xlsx": ("Templat {name} (XLSX)", "{name} template (XLSX)"),
    "upload.dataset": ("Jenis data", "Dataset"),
    "upload.dataset_auto": ("Kenali dari judul kolom", "Recognise from the headers"),
    "upload.file_one_limit": (
        "Berkas CSV atau XLSX (maks. {max_mb} MB)",
        "CSV or XLSX file (max {max_mb} MB)",
    ),
    "upload.file": (
        "Berkas CSV atau XLSX (CSV UTF-8 maks. {max_mb} MB; XLSX dan CSV lain maks. {cell_mb} MB)",
        "CSV or XLSX file (UTF-8 CSV up to {max_mb} MB; XLSX and other CSVs up to {cell_mb} MB)",
    ),
    "upload.sheet": ("Lembar", "Sheet"),
    "upload.decimal": ("Tanda desimal angka dalam berkas", "Decimal mark of the file's numbers"),
    "upload.decimal_comma": ("Koma: 1.250,5", "Comma: 1.250,5"),
    "upload.decimal_point": ("Titik: 1,250.5", "Point: 1,250.5"),
    "upload.detected": ("Yang terbaca dari berkas", "What was read from the file"),
    "upload.detected.format": ("Format", "Format"),
    "upload.detected.encoding": ("Pengodean", "Encoding"),
    "upload.detected.delimiter": ("Pemisah kolom", "Delimiter"),
    "upload.detected.decimal": ("Tanda desimal", "Decimal mark"),
    "upload.detected.header_row": ("Baris judul kolom", "Header row"),
    "upload.detected.title_rows": ("Baris judul di atasnya", "Title rows above it"),
    "upload.detected.dataset": ("Jenis data", "Dataset"),
    "upload.detected.rows": ("Baris data", "Data rows"),
    "upload.detected.sha256": ("SHA-256", "SHA-256"),
    "upload.errors": (
        "{count} masalah harus diperbaiki sebelum berkas bisa disimpan. Database tidak berubah.",
        "{count} problem(s) must be fixed before the file can be saved. The database is unchanged.",
    ),
    "upload.errors_many": (
        "Ada masalah pada {rows} baris; berkas belum bisa disimpan. Database tidak berubah.",
        "{rows} rows have problems; the file cannot be saved yet. The database is unchanged.",
    ),
    "upload.warnings": (
        "{count} peringatan (tidak menghalangi).",
        "{count} warning(s) (not blocking).",
    ),
    "upload.issues_download": ("Unduh daftar masalah (CSV)", "Download the list of problems (CSV)"),
    "upload.preview": ("Pratinjau", "Preview"),
    "upload.added": ("Baris baru", "New rows"),
    "upload.replaced": ("Nilai yang diganti", "Values replaced"),
    "upload.unchanged": ("Baris sama", "Unchanged rows"),
    "upload.no_rows": ("Tidak ada baris di sini.", "No rows here."),
    "upload.replaced_rows": ("Baris diganti", "Rows replaced"),
    "upload.sample": (
        "Menampilkan {shown} baris pertama dari {total}.",
        "Showing the first {shown} of {total} rows.",
    ),
    "upload.nothing_new": (
        "Semua baris sudah ada dengan nilai yang sama; tidak ada yang perlu disimpan.",
        "Every row is already stored with the same values; there is nothing to save.",
    ),
    "upload.confirm": ("Simpan ke database", "Save to the database"),
    "upload.confirm_rows": (
        "{count} baris berisi skor atau pangsa yang tampak sebagai pecahan (mis. 0,88 di antara "
        "nilai 0–100). Periksa tiap baris: perbaiki berkasnya bila maksudnya persen (88), atau "
        "centang baris itu bila angkanya memang di bawah 1%. Berkas baru disimpan setelah semua "
        "dicentang.",
        "{count} rows hold a score or share that looks like a fraction (e.g. 0.88 among 0–100 "
        "values). Check each row: correct the file if a percent (88) is meant, or tick the row "
        "if the figure really is below 1%. The file is saved only once every row is ticked.",
    ),
    "upload.confirm_row": (
        "Baris {row}: {value} memang di bawah 1% (bukan pecahan dari 100)",
        "Row {row}: {value} really is below 1% (not a fraction of 100)",
    ),
    "upload.saved": (
        "Tersimpan sebagai unggahan #{id}: {added} baris baru, {replaced} diganti. Grafik sudah "
        "memakai angka baru; unggahan ini bisa dibatalkan di Riwayat Unggahan.",
        "Saved as upload #{id}: {added} new rows, {replaced} replaced. Charts already use the "
        "new figures; this upload can be reverted in Upload history.",
    ),
    "upload.to_deck": (
        "Buka bahan paparan DPRD dengan angka baru ini",
        "Open the DPRD hearing pack with these new figures",
    ),
    "upload.stale": (
        "Data berubah sejak pratinjau (editor lain menyimpan). Tidak ada yang tersimpan; lihat "
        "pratinjau baru lalu simpan lagi.",
        "The data changed since the preview (another editor saved). Nothing was saved; check the "
        "new preview and save again.",
    ),
    "upload.spill_gone": (
        "Baris yang sudah diperiksa terhapus dari folder sementara server sebelum disimpan, jadi "
        "belum ada yang tersimpan. Berkas sudah diperiksa ulang: lihat pratinjau di bawah lalu "
        "simpan lagi.",
        "The checked rows were deleted from the server's temporary folder before the save, so "
        "nothing was saved. The file has been checked again: look at the preview below and save "
        "again.",
    ),
    "upload.file_gone": (
        "Salinan berkas Anda di folder sementara server terhapus sebelum disimpan, jadi belum "
        "ada yang tersimpan. Pilih berkasnya lagi.",
        "The copy of your file in the server's temporary folder was deleted before the save, so "
        "nothing was saved. Choose the file again.",
    ),
    "upload.busy": (
        "Database sedang dipakai proses lain. Tidak ada yang tersimpan; coba lagi sebentar lagi.",
        "The database is busy with another process. Nothing was saved; try again shortly.",
    ),
    "history.title": ("Riwayat unggahan", "Upload history"),
    "history.intro": (
        "Setiap unggahan tercatat: kapan, oleh siapa, berkas dan sidik SHA-256-nya. Membatalkan "
        "unggahan mengembalikan persis nilai yang digantinya; nilai lama tidak pernah dihapus.",
        "Every upload is recorded: when, by whom, the file and its SHA-256. Reverting an upload "
        "restores exactly the values it replaced; old values are never deleted.",
    ),
    "history.empty": ("Belum ada unggahan.", "No uploads yet."),
    "history.id": ("No.", "No."),
    "history.when": ("Waktu", "When"),
    "history.editor": ("Editor", "Editor"),
    "history.file": ("Berkas", "File"),
    "history.dataset": ("Jenis data", "Dataset"),
    "history.added": ("Baru", "Added"),
    "history.replaced": ("Diganti", "Replaced"),
    "history.unchanged": ("Sama", "Unchanged"),
    "history.state": ("Keadaan", "State"),
    "history.active": ("aktif", "active"),
    "history.reverted": ("dibatalkan {when} oleh {who}", "reverted {when} by {who}"),
    "history.reverted_when": ("dibatalkan {when}", "reverted {when}"),
    "history.editors_hidden": (
        "Nama editor hanya tampil bagi editor yang sudah masuk.",
        "Editor names are shown to signed-in editors only.",
    ),
    "history.revert": ("Batalkan unggahan", "Revert an upload"),
    "history.pick": ("Unggahan yang dibatalkan", "Upload to revert"),
    "history.confirm": (
        "Saya mengerti: nilai yang diganti unggahan #{id} dikembalikan dan baris barunya dihapus.",
        "I understand: the values upload #{id} replaced come back and its new rows are removed.",
    ),
    "history.do_revert": ("Batalkan #{id}", "Revert #{id}"),
    "history.done": (
        "Unggahan #{id} dibatalkan: {count} baris dikembalikan.",
        "Upload #{id} reverted: {count} rows restored.",
    ),
    "history.conflict": (
        "Unggahan yang lebih baru ({later}) mengubah baris yang sama. Batalkan yang itu dulu.",
        "Later uploads ({later}) changed the same rows. Revert those first.",
    ),
    "dataset.observations": ("Angka indikator tahunan", "Yearly indicator figures"),
    "dataset.obstacles": ("Hambatan", "Obstacles"),
    "dataset.collaboration": ("Skor kolaborasi", "Collaboration scores"),
    "dataset.programs": ("Program", "Programs"),
    "dataset.targets": ("Target indikator (RPJMD/Renstra)", "Indicator targets (RPJMD/Renstra)"),
    "dataset.enterprises": ("Catatan per unit usaha", "Enterprise records"),
    # Wide tables (years across the columns, as BPS publishes them): how they will be read.
    "upload.choose_file": ("Pilih berkas", "Choose file"),
    "upload.current_xlsx": ("Data {name} saat ini (XLSX)", "Current {name} data (XLSX)"),
    "upload.current_help": (
        "Semua baris yang tersimpan sekarang, dengan pilihan kode di kolom kode. Ubah di Excel "
        "lalu unggah lagi: pratinjau hanya menunjukkan yang berubah.",
        "Every row stored now, with drop-down choices in the code columns. Edit it in Excel "
        "and upload it back: the preview shows only what changed.",
    ),
    "upload.current_too_large": (
        "Lebih dari {max} baris: terlalu besar untuk berkas XLSX yang bisa diunggah lagi. "
        "Unggah baris yang berubah saja, sebagai CSV.",
        "More than {max} rows: too large for an XLSX file that can be uploaded back. Upload "
        "only the rows that changed, as CSV.",
    ),
    "wide.detected": (
        "Tabel lebar dikenali: tahun ada di kolom. Periksa cara tabel ini akan dibaca, "
        "lalu pilih yang belum dikenali.",
        "Wide table recognised: the years are in the columns. Check how it will be read, "
        "then choose what was not recognised.",
    ),
    "wide.rows": ("Baris menjadi indikator", "Rows become indicators"),
    "wide.columns": ("Kolom menjadi tahun", "Columns become years"),
    "wide.about": ("Dari judul, satuan dan baris Sumber", "From the title, unit and Source lines"),
    "wide.choose": (
        "Baris {row}: '{label}' tidak cocok dengan indikator mana pun. Pilih indikatornya, "
        "atau lewati baris ini.",
        "Row {row}: '{label}' matches no indicator. Choose its indicator, or skip the row.",
    ),
    "wide.skip": ("(lewati baris ini)", "(skip this row)"),
    "wide.placeholder": ("Pilih…", "Choose…"),
    "wide.skipped": ("dilewati", "skipped"),
    "wide.to_choose": ("belum dipilih", "not chosen yet"),
    "wide.region": ("Wilayah tabel ini", "Region of this table"),
    "wide.sector": ("Sektor tabel ini", "Sector of this table"),
    "wide.from_title": ("{name} (dari judul)", "{name} (from the title)"),
    "wide.source": (
        "Sumber data (tabel tidak punya baris 'Sumber:')",
        "Source of the data (the table has no 'Sumber:' line)",
    ),
    "wide.status": ("Status angka tabel ini", "Status of this table's figures"),
    "wide.col.label": ("Label baris", "Row label"),
    "wide.col.indicator": ("Menjadi indikator", "Becomes indicator"),
    "wide.col.matched": ("Dikenali dari", "Recognised by"),
    "wide.col.header": ("Judul kolom", "Column header"),
    "wide.col.mark": ("Tanda BPS", "BPS mark"),
    "wide.matched.code": ("kode indikator", "indicator code"),
    "wide.matched.name": ("nama indikator", "indicator name"),
    "wide.matched.chosen": ("pilihan Anda", "your choice"),
    "wide.about.title": ("Judul", "Title"),
    "wide.about.unit": ("Satuan", "Unit"),
    "wide.about.source": ("Sumber", "Source"),
    "wide.about.region": ("Wilayah", "Region"),
    "wide.about.sector": ("Sektor", "Sector"),
    "wide.about.status": ("Status", "Status"),
    "wide.about.header_row": ("Baris judul kolom (tahun)", "Header row (years)"),
    "wide.about.not_read": ("Baris {row} tidak dibaca", "Row {row} not read"),
    "wide.reason.column-numbers": ("nomor kolom", "column numbers"),
    "wide.reason.source": ("baris sumber", "source line"),
    "wide.reason.unit": ("baris satuan", "unit line"),
    "wide.reason.footnote": ("catatan kaki", "footnote"),
    "wide.reason.no-values": ("tanpa angka (judul kelompok?)", "no figures (a group heading?)"),
    "wide.reason.region-group": ("judul kelompok wilayah", "region group heading"),
    "wide.reason.sub-header": ("judul sub-kolom", "sub-column headers"),
    "wide.matched.title": ("judul tabel", "the table's title"),
    "wide.col.region": ("Wilayah (dari)", "Region (from)"),
    "wide.col.unit": ("Satuan (dari)", "Unit (from)"),
    "wide.col.factor": ("Ke satuan terdaftar", "Into the registered unit"),
    "wide.col.group": ("Kelompok / rincian", "Group / breakdown"),
    "wide.col.read": ("Dibaca", "Read"),
    "wide.read.yes": ("ya", "yes"),
    "wide.read.whole": ("ya, sebagai jumlah (pilihan Anda)", "yes, as the whole (your choice)"),
    "wide.read.part": (
        "tidak: bagian tahun, bukan setahun penuh",
        "no: part of a year, not a whole year",
    ),
    "wide.read.fiscal": (
        "tidak: tahun anggaran/ajaran, bukan tahun kalender",
        "no: a fiscal or school year, not a calendar year",
    ),
    "wide.region.per_column": (
        "dari kelompok kolom atau baris tabel",
        "from the table's column or row groups",
    ),
    "wide.unit.unknown": ("belum jelas: pilih satuannya", "not stated: choose the unit"),
    "wide.unit.conflict": (
        "tidak sepakat antar-tempat: pilih satuannya",
        "stated differently in two places: choose the unit",
    ),
    "wide.unit.mismatch": ("tidak bisa menjadi {registry}", "cannot become {registry}"),
    "wide.from.title": ("judul", "title"),
    "wide.from.unit-line": ("baris satuan", "unit line"),
    "wide.from.header": ("judul kolom", "column header"),
    "wide.from.column": ("kolom Satuan", "Satuan column"),
    "wide.from.label": ("label baris", "row label"),
    "wide.from.column-group": ("kelompok kolom", "column group"),
    "wide.from.row-group": ("judul kelompok baris", "row group heading"),
    "wide.from.choice": ("pilihan Anda", "your choice"),
    "wide.unit_question": (
        "Baris {row}: '{label}' — dalam satuan apa angkanya? ({reason})",
        "Row {row}: '{label}' — in which unit are its figures? ({reason})",
    ),
    "wide.part_question": (
        "Kolom '{label}' ({columns}): apa isi kolom ini?",
        "Columns '{label}' ({columns}): what do they hold?",
    ),
    "wide.part_whole": (
        "Jumlah seluruhnya: simpan sebagai angka indikator",
        "The whole: store as the indicator's figure",
    ),
    "wide.part_skip": ("Sebagian saja: lewati kolom ini", "Only a part: skip these columns"),
}
