"""Readers: turn paths (files, folders, globs, stdin) into raw documents or rejections."""
from .paths import read_paths

__all__ = ["read_paths"]
