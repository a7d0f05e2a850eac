"""The workspace's products: a form in the supplier's words (new and edit), the
catalogue as a spreadsheet (CSV or XLSX, in the import's columns) and the import of
one, with a preview of what each row will do before anything is saved."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from oscar.core.loading import get_model

from catalogue import imports
from catalogue.forms import SupplierProductForm
from marketplace.dashboard.catalogue import services as import_services
from marketplace.dashboard.catalogue.models import ProductImport

from .views import WorkspaceMixin

Product = get_model("catalogue", "Product")
SPREADSHEET_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ProductFormView(WorkspaceMixin, FormView):
    template_name = "workspace/product_form.html"
    form_class = SupplierProductForm
    section = "products"

    @cached_property
    def product(self):
        """The product edited, or None for a new one: only one the supplier sells (another's is a 404)."""
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(Product, pk=self.kwargs["pk"], stockrecords__partner=self.supplier.partner)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "supplier": self.supplier, "product": self.product}

    def get_context_data(self, **kwargs):
        return super().get_context_data(product=self.product, **kwargs)

    def form_valid(self, form):
        try:
            product = imports.product_save(supplier=self.supplier, values=form.row())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("“%(title)s” is saved.") % {"title": product.title})
        return redirect("workspace:product-list", slug=self.supplier.slug)


class ProductExportView(WorkspaceMixin, View):
    def get(self, request, slug, fmt):
        if fmt not in SPREADSHEET_TYPES:
            raise Http404(_("Choose CSV or XLSX."))
        rows = imports.supplier_rows(self.supplier)
        content = imports.rows_xlsx(rows) if fmt == "xlsx" else imports.rows_csv(rows)
        response = HttpResponse(content, content_type=SPREADSHEET_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{self.supplier.slug}-products.{fmt}"'
        return response


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("A .csv (UTF-8, separated by ; or ,) or .xlsx file in the columns of the export."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": imports.MAX_BYTES // (1024 * 1024)}
            )
        try:
            self.rows = imports.rows_parse(filename=upload.name, content=upload.read())
        except imports.ImportFileError as error:
            raise ValidationError(str(error)) from None
        return upload


class ProductImportView(WorkspaceMixin, FormView):
    template_name = "workspace/product_import.html"
    form_class = ImportFileForm
    section = "products"

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=imports.COLUMNS, **kwargs)

    def form_valid(self, form):
        product_import = import_services.import_start(
            supplier=self.supplier, by=self.request.user, filename=form.cleaned_data["file"].name, rows=form.rows
        )
        return redirect("workspace:product-import-preview", slug=self.supplier.slug, pk=product_import.pk)


class ProductImportPreviewView(WorkspaceMixin, TemplateView):
    template_name = "workspace/product_import_preview.html"
    section = "products"

    def get_import(self):
        return get_object_or_404(ProductImport, pk=self.kwargs["pk"], supplier=self.supplier)

    def get_context_data(self, **kwargs):
        product_import = self.get_import()
        return super().get_context_data(
            product_import=product_import, **import_services.import_preview(product_import), **kwargs
        )

    def post(self, request, slug, pk):
        product_import = self.get_import()
        try:
            counts = import_services.import_confirm(product_import=product_import, by=request.user)
        except import_services.AlreadyImported as done:
            messages.info(request, str(done))
            return redirect("workspace:product-list", slug=slug)
        except ValidationError:
            messages.error(request, _("Nothing was imported: correct the rows marked below and upload the file again."))
            return redirect("workspace:product-import-preview", slug=slug, pk=pk)
        messages.success(request, _("Imported: %(created)s new and %(updated)s changed products.") % counts)
        return redirect("workspace:product-list", slug=slug)
