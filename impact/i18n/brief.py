"""Texts of the one-page brief (ringkasan eksekutif): key -> (Bahasa Indonesia, English).

The brief's own headings and the commission matrix's column names; its figures, status
words and sentences are the deck's (:mod:`.deck`) and the figure layer's (:mod:`.common`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "brief.download": ("Unduh ringkasan (PDF, A4)", "Download the brief (PDF, A4)"),
    "brief.help": (
        "Satu halaman A4 untuk komisi, dari angka yang sama dengan paparan; tetap terbaca bila "
        "dicetak hitam-putih.",
        "One A4 page for the commission, from the same figures as the deck; readable when "
        "printed in black and white.",
    ),
    "brief.kicker": ("Ringkasan eksekutif", "Executive brief"),
    "brief.scope": (
        "Wilayah {region}, tahun {start}–{end}",
        "Region {region}, years {start}–{end}",
    ),
    "brief.section.findings": ("1. Temuan utama", "1. Headline findings"),
    "brief.section.targets": ("2. Capaian target kinerja", "2. Targets and achievement"),
    "brief.section.obstacles": ("3. Empat kategori hambatan", "3. The four obstacle categories"),
    "brief.section.matrix": ("4. Matriks tindak lanjut", "4. Follow-up matrix"),
    "brief.section.collecting": ("5. Data yang masih dikumpulkan", "5. Data still being collected"),
    "brief.collecting.short": (
        "Belum ada angka yang dilaporkan untuk: {names}. Yang diperlukan, instansi dan "
        "templatnya ada di slide terakhir bahan paparan dan di halaman Kelengkapan Data.",
        "No reported figures yet for: {names}. What each needs, who holds it and its template "
        "are on the pack's last slide and the Data readiness page.",
    ),
    "brief.findings.study": (
        "Temuan studi: {region}, {start}–{end}",
        "The study's finding: {region}, {start}–{end}",
    ),
    "brief.findings.region": (
        "Angka dasbor: {region}, {start}–{end}",
        "Dashboard figures: {region}, {start}–{end}",
    ),
    "brief.col.figure": ("Angka", "Figure"),
    "brief.col.value": ("Nilai", "Value"),
    "brief.col.detail": ("Rincian", "Detail"),
    "brief.col.problem": ("Masalah", "Problem"),
    "brief.col.data": ("Data lapangan", "Field data"),
    "brief.col.plan": ("Aturan/rencana terkait", "Related rule or plan"),
    "brief.col.follow_up": ("Tindak lanjut", "Follow-up"),
    "brief.plan.none": (
        "Diisi dinas: RPJMD/Renstra terkait (belum tercatat di dasbor)",
        "To be filled in by the agency: the related RPJMD/Renstra (none recorded in the dashboard)",
    ),
    "brief.problem.synergy": (
        "Koordinasi lintas dinas belum efektif, terutama promosi dan distribusi (menurut studi)",
        "Cross-agency coordination is not yet effective, especially promotion and distribution "
        "(per the study)",
    ),
    "brief.problem.continuity": (
        "Program tidak berkesinambungan saat pengurus asosiasi berganti (menurut studi)",
        "Programs lose continuity when the association's board changes (per the study)",
    ),
    "brief.problem.resources": (
        "Anggaran terpangkas sehingga pelatihan dan pameran berkurang (menurut studi)",
        "Budget cuts mean fewer trainings and exhibitions (per the study)",
    ),
    "brief.problem.evaluation": (
        "Program dinilai dari jumlah kegiatan, bukan hasilnya; tiap pihak mengevaluasi sendiri "
        "(menurut studi)",
        "Programs are judged by the number of events, not by their outcomes; each party "
        "evaluates on its own (per the study)",
    ),
    "brief.more": ("dan {count} lainnya", "and {count} more"),
    "brief.shortened": (
        "Diringkas agar muat satu halaman; isi lengkap di bahan paparan.",
        "Shortened to fit one page; the full content is in the deck.",
    ),
    "brief.none": ("Belum ada angka: {what}.", "No figures yet: {what}."),
    "brief.sources": ("Sumber", "Sources"),
    "brief.status_note": (
        "Status tertulis dengan kata di tiap angka: dilaporkan (dari sumber resmi atau studi), "
        "estimasi, ilustratif (contoh tim dasbor, bukan data resmi); (dihitung) diturunkan dari "
        "angka di sebelahnya. Nomor dalam kurung siku merujuk ke daftar sumber.",
        "Every figure states its status in words: reported (from an official source or the "
        "study), estimated, illustrative (the dashboard team's example, not official data); "
        "(computed) is derived from the figures beside it. Numbers in square brackets refer to "
        "the list of sources.",
    ),
}
