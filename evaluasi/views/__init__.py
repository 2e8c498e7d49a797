"""View app evaluasi: ``unit`` (F-01, unit lokus), ``biro`` (siklus dan F-02, evaluator)."""
