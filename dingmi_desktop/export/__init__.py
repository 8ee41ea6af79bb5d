"""Printed output (ReportLab, no Qt): marked approval sheets for both forms.

Entry points: `renderer.render_sheet(data, copy_number)` and `renderer.render_copies(data, numbers)`,
where `data` is a `sheet_data.SheetData` (see `builder.sheet_data_from_form` for domain forms).
"""
