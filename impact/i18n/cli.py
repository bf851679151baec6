"""Texts of the admin command line (``python -m impact``): they follow ``--lang``, Indonesian
by default like the pages; and the storage faults (``fault.*``) the pages show.

key: (Bahasa Indonesia, English). Placeholders use str.format names.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # import
    "cli.detected": (
        "{file}: {format}, pengodean {encoding}, pemisah {delimiter}, desimal {decimal}, "
        "baris judul {header_row}, lembar {sheet}, dataset {dataset}",
        "{file}: {format}, encoding {encoding}, delimiter {delimiter}, decimal {decimal}, "
        "header row {header_row}, sheet {sheet}, dataset {dataset}",
    ),
    "cli.issue": ("  {level}: {where}{value}: {message}", "  {level}: {where}{value}: {message}"),
    "cli.issue_file": ("  {level}: {message}", "  {level}: {message}"),
    "cli.not_imported": (
        "tidak diimpor: {count} galat; database tidak berubah",
        "not imported: {count} error(s); the database is unchanged",
    ),
    "cli.counts": (
        "tambah {insert}, ganti {update}, sama {same}",
        "add {insert}, replace {update}, unchanged {same}",
    ),
    "cli.replaced": (
        "  baris {row} {row_key} {column}: {old} -> {new}",
        "  row {row} {row_key} {column}: {old} -> {new}",
    ),
    "cli.note": ("  {note}", "  {note}"),
    "cli.nothing_new": (
        "tidak diimpor: setiap baris sudah tersimpan dengan nilai yang sama; tidak ada yang "
        "dicatat",
        "not imported: every row is already stored with the same values; nothing recorded",
    ),
    "cli.dry_run": ("uji coba: tidak ada yang ditulis", "dry run: nothing written"),
    "cli.confirm_row": (
        "  perlu konfirmasi: baris {row}, nilai {value} tampak sebagai pecahan dari skor 0–100",
        "  needs confirming: row {row}, value {value} looks like a fraction of a 0–100 score",
    ),
    "cli.not_confirmed": (
        "tidak diimpor: perbaiki berkasnya, atau bila angkanya memang di bawah 1% ulangi dengan "
        "--confirm-rows {rows}",
        "not imported: correct the file, or if the figures really are below 1% run again with "
        "--confirm-rows {rows}",
    ),
    "cli.imported": ("diimpor sebagai unggahan {id}", "imported as upload {id}"),
    "cli.no_file": ("berkas tidak ada: {path}", "no such file: {path}"),
    "cli.stale": (
        "data berubah selama impor; jalankan lagi",
        "the data changed during the import; run it again",
    ),
    "cli.spill_gone": (
        "baris yang sudah diperiksa terhapus dari folder sementara ({folder}) sebelum disimpan; "
        "tidak ada yang ditulis. Jalankan impor lagi, dan jangan bersihkan folder itu selama "
        "impor berjalan",
        "the checked rows were deleted from the temporary folder ({folder}) before the save; "
        "nothing was written. Run the import again, and do not clean that folder while an "
        "import runs",
    ),
    # history and revert
    "cli.no_uploads": ("belum ada unggahan", "no uploads yet"),
    "cli.history_line": (
        "{id}  {at}  {editor} {dataset} +{added} ~{replaced} ={unchanged}  {filename}  "
        "sha256:{sha}  {state}",
        "{id}  {at}  {editor} {dataset} +{added} ~{replaced} ={unchanged}  {filename}  "
        "sha256:{sha}  {state}",
    ),
    "cli.reverted_state": ("dibatalkan {at} oleh {editor}", "reverted {at} by {editor}"),
    "cli.no_upload": ("tidak ada unggahan {id}", "no upload {id}"),
    "cli.already_reverted": ("unggahan {id} sudah dibatalkan", "upload {id} was already reverted"),
    "cli.revert_later_first": (
        "batalkan dulu unggahan yang lebih baru: {later}",
        "revert the later uploads first: {later}",
    ),
    "cli.reverted": (
        "unggahan {id} dibatalkan: {count} baris dipulihkan atau dihapus",
        "reverted upload {id}: {count} row(s) restored or removed",
    ),
    # init, backup, restore
    "cli.initialized": (
        "{path}: skema v{version}, {count} observasi",
        "{path}: schema v{version}, {count} observations",
    ),
    "cli.backup_written": ("cadangan ditulis ke {path}", "backup written to {path}"),
    "cli.restored": ("{path} dipulihkan dari {directory}", "restored {path} from {directory}"),
    "cli.backup_missing": (
        "{directory} tidak berisi {file} dan {manifest}; pilih folder cadangan yang lain",
        "{directory} has no {file} and {manifest}; pick another backup folder",
    ),
    "cli.backup_checksum": (
        "{file} tidak cocok dengan checksum di {manifest}: cadangan ini rusak; database tidak "
        "diubah",
        "{file} does not match the checksum in {manifest}: this backup is damaged; the "
        "database is unchanged",
    ),
    # hash-password
    "cli.password_prompt": ("kata sandi: ", "password: "),
    "cli.password_empty": (
        "kata sandi kosong ditolak: ketik kata sandinya (atau kirim lewat stdin)",
        "an empty password is refused: type the password (or send it on stdin)",
    ),
    "cli.password_too_long": (
        "kata sandi terlalu panjang: paling banyak {limit} karakter (formulir masuk menolak "
        "yang lebih panjang)",
        "the password is too long: at most {limit} characters (the sign-in form refuses "
        "longer ones)",
    ),
    # faults: each has its own exit code (see impact/cli.py)
    "cli.busy": (
        "database {path} tetap sibuk (proses lain sedang menulis). Data aman; coba lagi "
        "sebentar lagi.",
        "the database {path} stayed busy (another process is writing). The data is safe; try "
        "again shortly.",
    ),
    "cli.corrupt": (
        "database {path} tidak terbaca (rusak): {detail}. Tidak ada yang ditulis. Pulihkan "
        "cadangan terakhir: python -m impact restore FOLDER_CADANGAN",
        "the database {path} cannot be read (damaged): {detail}. Nothing was written. "
        "Restore the last backup: python -m impact restore BACKUP_FOLDER",
    ),
    "cli.disk_full": (
        "disk penuh: {detail}. Penulisan dibatalkan, database tidak berubah. Kosongkan ruang "
        "disk, lalu jalankan lagi.",
        "the disk is full: {detail}. The write was cancelled; the database is unchanged. Free "
        "some disk space, then run it again.",
    ),
    "cli.read_only": (
        "folder data tidak bisa ditulisi: {detail}. Tidak ada yang berubah. Periksa izin "
        "folder {folder} (atau jalankan sebagai pengguna pemiliknya).",
        "the data folder cannot be written: {detail}. Nothing changed. Check the permissions "
        "of {folder} (or run as the user who owns it).",
    ),
    "cli.config_error": (
        "pengaturan tidak bisa dipakai: {name} berisi {value}, padahal harus {expected}. "
        "Perbaiki pengaturan itu (README, bagian Pengaturan), lalu jalankan lagi.",
        "a setting cannot be used: {name} holds {value}, but it must be {expected}. Fix that "
        "setting (README, Settings), then run it again.",
    ),
    "cli.storage_error": (
        "database atau berkas tidak bisa dipakai: {detail}. Transaksi dibatalkan; tidak ada "
        "yang ditulis.",
        "the database or a file cannot be used: {detail}. The transaction was rolled back; "
        "nothing was written.",
    ),
    "cli.interrupted": (
        "dihentikan; transaksi yang sedang berjalan dibatalkan, tidak ada yang ditulis",
        "stopped; the running transaction was rolled back, nothing was written",
    ),
    # the same faults on the pages
    "fault.busy": (
        "Data sedang diperbarui oleh proses lain (misalnya impor lewat baris perintah). Data "
        "aman. Tunggu sebentar, lalu muat ulang halaman ini.",
        "The data is being updated by another process (such as a command-line import). The "
        "data is safe. Wait a moment, then reload this page.",
    ),
    "fault.stale": (
        "Data sedang diperbarui oleh proses lain; halaman ini menampilkan data terakhir yang "
        "terbaca. Muat ulang sebentar lagi untuk melihat angka terbaru.",
        "The data is being updated by another process; this page shows the data last read. "
        "Reload in a moment to see the newest figures.",
    ),
    "fault.corrupt": (
        "Berkas database di server tidak terbaca (rusak). Tidak ada yang ditulis, dan "
        "cadangan tetap aman. Beri tahu operator: pulihkan cadangan terakhir dengan "
        "`python -m impact restore`.",
        "The database file on the server cannot be read (damaged). Nothing was written, and "
        "the backups are safe. Tell the operator: restore the last backup with "
        "`python -m impact restore`.",
    ),
    "fault.disk_full": (
        "Disk server penuh, jadi penyimpanan dibatalkan. Data yang sudah ada tidak berubah dan "
        "aman; berkas Anda belum tersimpan. Beri tahu operator untuk mengosongkan ruang disk, "
        "lalu simpan lagi.",
        "The server's disk is full, so the save was cancelled. The existing data is unchanged "
        "and safe; your file was not saved. Tell the operator to free disk space, then save "
        "again.",
    ),
    "fault.out_of_memory": (
        "Server kehabisan ruang kerja untuk penyimpanan sebesar ini (memori penuh, dan disk "
        "terlalu penuh untuk menampung sisanya), jadi penyimpanan dibatalkan. Data yang sudah "
        "ada tidak berubah dan aman. Beri tahu operator untuk mengosongkan ruang disk, lalu "
        "simpan lagi; atau unggah berkas yang lebih kecil.",
        "The server ran out of working space for a save this large (memory full, and the disk "
        "too full to hold the rest), so the save was cancelled. The existing data is unchanged "
        "and safe. Tell the operator to free disk space, then save again; or upload a smaller "
        "file.",
    ),
    "fault.read_only": (
        "Folder data di server tidak bisa ditulisi (hanya-baca atau tanpa izin). Tidak ada yang "
        "berubah; data aman. Beri tahu operator untuk memeriksa izin folder data.",
        "The data folder on the server cannot be written (read-only or no permission). Nothing "
        "changed; the data is safe. Tell the operator to check the data folder's permissions.",
    ),
    "cli.plan_heading": ("{title}:", "{title}:"),
    "cli.plan_line": ("  {text}", "  {text}"),
    "cli.wide_hint": (
        "Tabel lebar (tahun di kolom): beri yang tidak dikenali dengan --row BARIS=KODE "
        "(atau BARIS=skip), --unit / --scale / --row-unit BARIS=SATUAN, --part LABEL=whole|skip, "
        "--region, --sector, --source; --dry-run untuk melihat rencananya tanpa menyimpan.",
        "Wide table (years in the columns): give what was not recognised with --row ROW=CODE "
        "(or ROW=skip), --unit / --scale / --row-unit ROW=UNIT, --part LABEL=whole|skip, "
        "--region, --sector, --source; --dry-run shows the plan without saving.",
    ),
}
