"""Texts of data readiness: what the pack leaves out, who holds it, the readiness page, and
the practice pack's watermark: key -> (Bahasa Indonesia, English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # --- offices that usually hold a figure ----------------------------------------------
    "office.disperindag": ("Disperindag", "Disperindag (industry and trade)"),
    "office.dinkop": ("Dinas Koperasi dan UM", "Dinas Koperasi dan UM (cooperatives)"),
    "office.disbudpar": ("Disbudpar", "Disbudpar (culture and tourism)"),
    "office.bappeda": ("Bappeda", "Bappeda (planning)"),
    "office.bps": ("BPS", "BPS (Statistics Indonesia)"),
    "office.ababil": ("ABABIL (asosiasi batik)", "ABABIL (batik association)"),
    # --- 'Data yang masih dikumpulkan': the pack's last slide and the brief's box --------
    "collecting.title": ("Data yang masih dikumpulkan", "Data still being collected"),
    "collecting.finding": (
        "Bagian dan angka ini belum ada di paparan karena belum ada angka yang dilaporkan; "
        "angka ilustratif tidak dimasukkan.",
        "These sections and figures are not in the pack because no reported figures exist "
        "yet; illustrative figures are left out.",
    ),
    "collecting.finding.practice": (
        "Bagian dan angka ini tidak ada di paparan karena datanya belum ada.",
        "These sections and figures are not in the pack because their data are missing.",
    ),
    "collecting.col.what": ("Bagian atau angka", "Section or figure"),
    "collecting.col.needs": ("Yang diperlukan", "What it needs"),
    "collecting.col.offices": ("Biasanya dipegang oleh", "Usually held by"),
    "collecting.col.template": ("Templat", "Template"),
    "collecting.figure": (
        "angka yang dilaporkan untuk {start} dan {end}",
        "reported figures for {start} and {end}",
    ),
    # What each section left out needs (the section's name stands beside it).
    "collecting.need.summary": (
        "pendapatan, daya saing atau tenaga kerja {start} dan {end}",
        "income, competitiveness or workers for {start} and {end}",
    ),
    "collecting.need.charts": (
        "seri pendapatan, daya saing atau tenaga kerja {start} dan {end}",
        "the income, competitiveness or workers series for {start} and {end}",
    ),
    "collecting.need.regions": (
        "angka Kota dan Kabupaten Blitar untuk indikator yang sama, {start} dan {end}",
        "Blitar City and Regency figures of one indicator, {start} and {end}",
    ),
    "collecting.need.obstacles": (
        "keparahan tiap hambatan (1–5) sampai {end}",
        "each obstacle's severity (1–5) up to {end}",
    ),
    "collecting.need.collaboration": (
        "skor kolaborasi per aktor dan elemen sampai {end}",
        "collaboration scores by actor and element up to {end}",
    ),
    "collecting.need.programs": (
        "jumlah, anggaran dan peserta program {start} dan {end}",
        "program counts, budgets and participants for {start} and {end}",
    ),
    "collecting.need.targets": (
        "target RPJMD/Renstra untuk {start}–{end}",
        "RPJMD/Renstra targets for {start}–{end}",
    ),
    "collecting.need.creative": (
        "tenaga kerja per subsektor kreatif {start} dan {end}",
        "workers by creative subsector for {start} and {end}",
    ),
    "collecting.need.gender": (
        "catatan per unit usaha {start} dan {end} dengan jenis kelamin pemilik",
        "enterprise records for {start} and {end} with the owner's gender",
    ),
    "collecting.need.recommendations": (
        "bukti dari bagian lain",
        "evidence from the other sections",
    ),
    "collecting.derived": ("disusun dari bagian lain", "drawn from the other sections"),
    "collecting.footnote": (
        "Templat diunduh dari halaman Unggah Data; unggahan yang mengisi satu baris "
        "memindahkannya ke paparan.",
        "Download the templates from the Upload data page; an upload that fills a line "
        "moves it into the pack.",
    ),
    # --- the practice pack -----------------------------------------------------------------
    "deck.watermark": ("CONTOH — bukan data resmi", "EXAMPLE — not official data"),
    "deck.form.illustrative": (
        "Sertakan angka ilustratif — hanya untuk latihan",
        "Include illustrative figures — for practice only",
    ),
    "deck.form.illustrative_help": (
        "Angka ilustratif dibuat tim dasbor sebagai contoh, bukan data resmi. Setiap slide "
        "akan bertanda CONTOH.",
        "Illustrative figures are examples made by the dashboard team, not official data. "
        "Every slide will be marked EXAMPLE.",
    ),
    "deck.ready": (
        "{ready} dari {asked} bagian yang dipilih siap dengan angka yang dilaporkan.",
        "{ready} of the {asked} chosen sections are ready with reported figures.",
    ),
    "deck.ready.practice": (
        "Paket latihan: angka ilustratif disertakan dan setiap slide bertanda CONTOH.",
        "Practice pack: illustrative figures are included and every slide is marked EXAMPLE.",
    ),
    "deck.omitted.reported": (
        "Bagian tanpa angka yang dilaporkan untuk {region}, {start}–{end}, sehingga tidak ada "
        "di paparan (slide terakhir menyebut yang diperlukan): {sections}.",
        "Sections without reported figures for {region}, {start}–{end}, so left out of the "
        "pack (its last slide says what they need): {sections}.",
    ),
    # --- the readiness page ----------------------------------------------------------------
    "nav.readiness": ("Kelengkapan Data", "Data readiness"),
    "readiness.title": ("Kelengkapan data", "Data readiness"),
    "readiness.intro": (
        "Untuk setiap bagian dasbor dan paparan: tahun dengan angka dilaporkan, estimasi dan "
        "ilustratif, tahun yang belum ada angkanya, instansi yang biasanya memegang angka itu, "
        "dan templat untuk mengisinya. Paparan bawaan hanya memuat angka dilaporkan dan "
        "estimasi.",
        "For every section of the dashboard and the pack: the years with reported, estimated "
        "and illustrative figures, the years with none yet, the office that usually holds the "
        "figure, and the template to fill it. The default pack holds reported and estimated "
        "figures only.",
    ),
    "readiness.summary": (
        "{ready} dari {total} angka punya angka dilaporkan atau estimasi untuk setiap tahun "
        "{first}–{last}.",
        "{ready} of {total} figures have a reported or estimated figure for every year "
        "{first}–{last}.",
    ),
    "readiness.col.section": ("Bagian", "Section"),
    "readiness.col.name": ("Angka", "Figure"),
    "readiness.col.reported": ("Dilaporkan", "Reported"),
    "readiness.col.estimated": ("Estimasi", "Estimated"),
    "readiness.col.illustrative": (
        "Ilustratif (tidak di paparan)",
        "Illustrative (not in the pack)",
    ),
    "readiness.col.missing": ("Belum ada angka", "No figure yet"),
    "readiness.col.offices": ("Biasanya dipegang oleh", "Usually held by"),
    "readiness.col.template": ("Templat", "Template"),
    "readiness.templates": ("Unduh templat", "Download a template"),
    "readiness.table.obstacle": ("Keparahan hambatan", "Obstacle severity"),
    "readiness.table.collaboration": ("Skor kolaborasi", "Collaboration scores"),
    "readiness.table.program": ("Keluaran program", "Program outputs"),
    "readiness.table.indicator_target": ("Target RPJMD/Renstra", "RPJMD/Renstra targets"),
    "readiness.table.enterprise_record": ("Catatan per unit usaha", "Enterprise records"),
}
